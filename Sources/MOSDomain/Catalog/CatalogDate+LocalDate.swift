public import MOSBasics

extension CatalogDate {
    /// The same calendar day as a `LocalDate`, for deadline arithmetic.
    public var localDate: LocalDate { LocalDate(year: year, month: month, day: day) }
}
