import ArgumentParser

/// `mosc catalog`: the OS release catalog that checks targets and resolves `latest` and relative deadlines.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Show or regenerate the catalog of Apple OS releases.",
        discussion: """
            mosc carries a catalog of Apple's OS releases (versions, builds, release dates, actively exploited \
            vulnerabilities fixed), derived from the SOFA feeds. Every command that reads policies takes \
            --catalog FILE to use a newer one written by 'mosc catalog import'.
            """,
        subcommands: [CatalogShowCommand.self, CatalogImportCommand.self]
    )
}
