// manifest.json's tree: property names as keys, nil optionals left out, as the synthesized `Decodable` (the one
// reader, `OutputReader`) reads it; `OutputRoundTripTests` writes and reads back every one.

import MOSBasics
import MOSDomain

extension OutputManifest: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            "formatVersion": .integer(formatVersion), "generator": .string(generator),
            "moscVersion": .string(moscVersion), "now": .string(now), "sourceDigest": .string(sourceDigest),
            "tzdataVersion": .string(tzdataVersion), "catalogDate": .string(catalogDate),
            "appleSchema": .string(appleSchema), "identifierPrefix": .string(identifierPrefix),
            "cohorts": cohorts.jsonValue,
        ])
    }
}

extension OutputManifest.Cohort: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "platform": .string(platform), "enrollment": .string(enrollment), "policy": .string(policy),
            "ring": .integer(ring), "paths": paths.jsonValue, "routing": routing.jsonValue,
            "targetVersion": .string(targetVersion), "deadline": .string(deadline), "artifacts": artifacts.jsonValue,
        ]
        object.setIfPresent("targetBuild", targetBuild)
        object.setIfPresent("targetRequest", targetRequest)
        object.setIfPresent("timeZone", timeZone)
        object.setIfPresent("legacyPlan", legacyPlan)
        object.setIfPresent("declarationsToken", declarationsToken)
        object.setIfPresent("deadlineMovedFrom", deadlineMovedFrom)
        object.setIfPresent("deadlineMovedBy", deadlineMovedBy)
        if let blackouts { object["blackouts"] = .array(blackouts.map(\.jsonValue)) }
        if let tracks { object["tracks"] = .array(tracks.map(\.jsonValue)) }
        return .object(object)
    }
}

extension OutputManifest.Track: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "major": .integer(major), "targetVersion": .string(targetVersion), "deadline": .string(deadline),
        ]
        object.setIfPresent("targetRequest", targetRequest)
        object.setIfPresent("targetBuild", targetBuild)
        object.setIfPresent("deadlineMovedFrom", deadlineMovedFrom)
        object.setIfPresent("deadlineMovedBy", deadlineMovedBy)
        object.setIfPresent("enforcement", enforcement)
        return .object(object)
    }
}

extension OutputManifest.BlackoutSpan: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object(["reason": .string(reason), "from": .string(from), "to": .string(to)])
    }
}

extension OutputManifest.Artifact: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "path": .string(path), "sha256": .string(sha256), "minimumOS": .string(minimumOS),
        ]
        object.setIfPresent("belowOS", belowOS)
        return .object(object)
    }
}

extension OutputManifest.PlanInstant: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["step": .string(step)]
        object.setIfPresent("utc", utc)
        return .object(object)
    }
}

extension OutputManifest.Routing: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["rule": .string(rule)]
        object.setIfPresent("ddm", ddm)
        object.setIfPresent("legacy", legacy)
        return .object(object)
    }
}
