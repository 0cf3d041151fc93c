import Foundation
import ManagedOS
import ManagedOSTestSupport
import Testing

/// `mosc timeline` at `--now`: a line at now, passed deadlines drawn as done, and each cohort's bar running from
/// its target's release to its deadline rather than a fixed `minimumNotice` window.
@Suite struct RolloutTimelineNowTests {
    /// 2026-12-10T12:00:00Z: after mac-it's deadline (2026-12-08 18:00), before mac-lab's (2027-01-19 18:00).
    static let now = Instant(unixSeconds: 1_796_904_000)

    static func timeline(now: Instant?) throws -> RolloutTimeline {
        let side = try DiffGoldenTests.side(DiffGoldenTests.fixtures.appendingPathComponent("diff-rollout"), "new")
        return RolloutTimeline(side, now: now)
    }

    @Test func mermaidDrawsNowAndMarksPassedDeadlines() throws {
        let mermaid = try Self.timeline(now: Self.now).mermaid
        #expect(mermaid.contains("    todayMarker off\n    section now\n"))
        #expect(mermaid.contains("    now 2026-12-10 12:00Z :milestone, crit, 2026-12-10 12:00, 0m\n"))
        #expect(mermaid.contains("    ring 1 mac-it release to deadline :done, 2026-08-17 00:00, 2026-12-08 18:00\n"))
        #expect(mermaid.contains("    mac-it deadline (passed) :milestone, done, 2026-12-08 18:00, 0m\n"))
        #expect(mermaid.contains("    ring 2 mac-lab release to deadline :2026-08-17 00:00, 2027-01-19 18:00\n"))
        #expect(mermaid.contains("    mac-lab deadline :milestone, 2027-01-19 18:00, 0m\n"))
    }

    @Test func svgDrawsTheNowLineTheReleaseSpanAndPassedDeadlinesInGrey() throws {
        let timeline = try Self.timeline(now: Self.now)
        let svg = timeline.svg
        #expect(svg.contains(">now 2026-12-10 12:00Z</text>"))
        #expect(svg.contains("stroke-dasharray=\"4 3\""))
        #expect(svg.contains("<title>mac-it: released 2026-08-17, 113 days to the deadline</title>"))
        #expect(svg.contains("fill=\"#888888\"><title>mac-it: deadline 2026-12-08 18:00 (passed)</title>"))
        #expect(svg.contains("fill=\"#d62728\"><title>mac-lab: deadline 2027-01-19 18:00</title>"))
        #expect(timeline.html.contains("<td>2026-08-17</td><td>2026-12-08 18:00</td><td>passed</td>"))
    }

    @Test func aDeadlineIsPassedOnceTheFirstZoneReachesIt() throws {
        // 2026-12-08 18:00 wall time is first reached at UTC+14: 2026-12-08T04:00:00Z.
        let justBefore = try Self.timeline(now: Instant(unixSeconds: 1_796_702_399))
        let justAt = try Self.timeline(now: Instant(unixSeconds: 1_796_702_400))
        #expect(justBefore.entries.first { $0.cohort == "mac-it" }?.passed == false)
        #expect(justAt.entries.first { $0.cohort == "mac-it" }?.passed == true)
    }

    @Test func withoutNowNothingIsPassedAndNoLineIsDrawn() throws {
        let timeline = try Self.timeline(now: nil)
        #expect(!timeline.mermaid.contains("todayMarker"))
        #expect(!timeline.svg.contains("stroke-dasharray"))
        #expect(timeline.entries.allSatisfy { !$0.passed })
    }
}
