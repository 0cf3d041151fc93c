// The library product: one import for the CLI, the tests and library users, over the layered targets.
@_exported public import MOSBasics
@_exported public import MOSCompiler
@_exported public import MOSDomain
@_exported public import MOSOutput
@_exported public import MOSTools
@_exported public import MOSYAML
