import MOSBasics
import MOSYAML

extension OSCatalog {
    /// The catalog shipped inside mosc (`Catalog/Data/catalog.tsv`), parsed once on first use.
    ///
    /// A test keeps the embedded text valid; were it ever broken, this is an empty catalog, so validation
    /// would report nothing as unknown rather than everything.
    public static let bundled: OSCatalog = {
        switch parse(bundledText) {
        case .success(let catalog): return catalog
        case .failure: return OSCatalog(date: .unixEpoch, releases: [:])
        }
    }()

    /// The embedded catalog text.
    static var bundledText: String { String(decoding: PackageResources.catalog_tsv, as: UTF8.self) }
}

extension CatalogDate {
    /// 1970-01-01, the fallback date of an empty catalog.
    static let unixEpoch = CatalogDate(validYear: 1970, month: 1, day: 1)
}
