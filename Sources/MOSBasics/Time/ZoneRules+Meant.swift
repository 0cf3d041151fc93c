import Foundation

extension ZoneRules {
    /// The IANA zone an admin most likely means by an abbreviation (`PST`), a Windows zone name
    /// (`Pacific Standard Time`) or a legacy zone name (`PST8PDT`, `EST`); nil when there is no one place to name.
    ///
    /// Abbreviations that stand for several places (`IST`: India, Ireland, Israel) are left out on purpose:
    /// a wrong guess in a hint is worse than none. Case and surrounding spaces are ignored.
    public static func meantZone(for name: String) -> String? {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        return meantZones[key]
    }

    /// Why a zone the database knows is not a place: a fixed offset, or a legacy rule-set name. nil for real
    /// places (including country links such as `Japan`) and for the names of UTC itself, which the spec allows.
    public static func nonGeographicKind(of identifier: String) -> NonGeographicZone? {
        if utcNames.contains(identifier) { return nil }
        if identifier.hasPrefix("Etc/GMT") || ["EST", "MST", "HST"].contains(identifier) { return .fixedOffset }
        if ["CET", "CST6CDT", "EET", "EST5EDT", "MET", "MST7MDT", "PST8PDT", "WET"].contains(identifier) {
            return .legacyRules
        }
        return nil
    }

    /// How a zone name fails to name a place.
    public enum NonGeographicZone: Sendable, Hashable {
        /// One offset all year (`EST`, `Etc/GMT+5`): no daylight saving.
        case fixedOffset
        /// A legacy name for a rule set (`PST8PDT`, `CET`) rather than a place.
        case legacyRules
    }

    /// The names of UTC (offset 0 everywhere, by intent).
    private static let utcNames: Set<String> = [
        "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT",
        "GMT0", "GMT+0", "GMT-0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
    ]

    /// Lowercased abbreviation, Windows or legacy name → the zone meant. Windows names follow CLDR's
    /// windowsZones.xml ("001" territory); abbreviations the usual North American, European and Pacific ones.
    private static let meantZones: [String: String] = [
        // North America
        "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pt": "America/Los_Angeles",
        "pacific time": "America/Los_Angeles", "pacific standard time": "America/Los_Angeles",
        "pacific daylight time": "America/Los_Angeles", "pst8pdt": "America/Los_Angeles",
        "mst": "America/Denver", "mdt": "America/Denver", "mountain time": "America/Denver",
        "mountain standard time": "America/Denver", "mst7mdt": "America/Denver",
        "us mountain standard time": "America/Phoenix",
        "cst": "America/Chicago", "cdt": "America/Chicago", "central time": "America/Chicago",
        "central standard time": "America/Chicago", "cst6cdt": "America/Chicago",
        "est": "America/New_York", "edt": "America/New_York", "et": "America/New_York",
        "eastern time": "America/New_York", "eastern standard time": "America/New_York",
        "eastern daylight time": "America/New_York", "est5edt": "America/New_York",
        "akst": "America/Anchorage", "akdt": "America/Anchorage", "alaskan standard time": "America/Anchorage",
        "hst": "Pacific/Honolulu", "hawaiian standard time": "Pacific/Honolulu",
        "ast": "America/Halifax", "adt": "America/Halifax", "atlantic standard time": "America/Halifax",
        "nst": "America/St_Johns", "newfoundland standard time": "America/St_Johns",
        "canada central standard time": "America/Regina",
        // Europe
        "bst": "Europe/London", "gmt standard time": "Europe/London",
        "cet": "Europe/Paris", "cest": "Europe/Paris", "met": "Europe/Paris", "romance standard time": "Europe/Paris",
        "w. europe standard time": "Europe/Berlin", "central europe standard time": "Europe/Budapest",
        "central european standard time": "Europe/Warsaw",
        "eet": "Europe/Athens", "eest": "Europe/Athens", "gtb standard time": "Europe/Bucharest",
        "fle standard time": "Europe/Kyiv", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
        "msk": "Europe/Moscow", "russian standard time": "Europe/Moscow",
        // Asia and the Pacific
        "jst": "Asia/Tokyo", "tokyo standard time": "Asia/Tokyo", "kst": "Asia/Seoul",
        "korea standard time": "Asia/Seoul", "china standard time": "Asia/Shanghai",
        "india standard time": "Asia/Kolkata", "singapore standard time": "Asia/Singapore",
        "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "arabian standard time": "Asia/Dubai",
        "israel standard time": "Asia/Jerusalem",
        "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "aus eastern standard time": "Australia/Sydney",
        "acst": "Australia/Adelaide", "acdt": "Australia/Adelaide",
        "cen. australia standard time": "Australia/Adelaide",
        "awst": "Australia/Perth", "w. australia standard time": "Australia/Perth",
        "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland", "new zealand standard time": "Pacific/Auckland",
        // Elsewhere
        "e. south america standard time": "America/Sao_Paulo", "brt": "America/Sao_Paulo",
        "south africa standard time": "Africa/Johannesburg", "sast": "Africa/Johannesburg",
        "coordinated universal time": "UTC",
    ]
}
