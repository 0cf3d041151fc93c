import Testing

@testable import ManagedOS

/// The plist writer's exact bytes: escapes (byte-exact in UTF-8), base64 of every tail length, empty and nested
/// containers, sorted keys and tab indentation.
@Suite struct PropertyListWriterTests {
    @Test func writesTheDocumentByteForByte() {
        let value = PropertyList.dictionary([
            "b": .array([.string("a & b <c> é ✓"), .integer(-42), .bool(true), .bool(false)]),
            "a": .dictionary(["x<y": .data([]), "z": .array([]), "e": .dictionary([:])]),
            "c": .array([.data([1]), .data([1, 2]), .data([1, 2, 3]), .data([0xFF, 0xEE, 0xDD, 0xCC])]),
        ])
        let expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
            \t<key>a</key>
            \t<dict>
            \t\t<key>e</key>
            \t\t<dict/>
            \t\t<key>x&lt;y</key>
            \t\t<data></data>
            \t\t<key>z</key>
            \t\t<array/>
            \t</dict>
            \t<key>b</key>
            \t<array>
            \t\t<string>a &amp; b &lt;c&gt; é ✓</string>
            \t\t<integer>-42</integer>
            \t\t<true/>
            \t\t<false/>
            \t</array>
            \t<key>c</key>
            \t<array>
            \t\t<data>AQ==</data>
            \t\t<data>AQI=</data>
            \t\t<data>AQID</data>
            \t\t<data>/+7dzA==</data>
            \t</array>
            </dict>
            </plist>

            """
        #expect(value.xmlDocument == expected)
        #expect(value.xmlBytes == Array(expected.utf8))
        #expect(PropertyList.escape("<&>é") == "&lt;&amp;&gt;é")
    }
}
