// plan.json's tree: property names as keys, nil optionals left out, as the synthesized `Decodable` (sync's and
// diff's reader) reads it; `OutputRoundTripTests` writes and reads back every one.

import MOSBasics
import MOSDomain

extension LegacyPlan: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            "formatVersion": .integer(formatVersion), "cohort": .string(cohort), "policy": .string(policy),
            "platform": .string(platform), "enrollment": .string(enrollment), "devices": devices.jsonValue,
            "target": target.jsonValue, "deadline": deadline.jsonValue, "steps": steps.jsonValue,
            "omitted": omitted.jsonValue, "notes": notes.jsonValue,
        ])
    }
}

extension LegacyPlan.Devices: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object(["range": .string(range), "lowestOS": .string(lowestOS), "majors": majors.jsonValue])
    }
}

extension LegacyPlan.Target: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["version": .string(version), "update": .string(update)]
        object.setIfPresent("build", build)
        return .object(object)
    }
}

extension LegacyPlan.Deadline: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            "local": .string(local), "timeZone": .string(timeZone), "utc": .string(utc),
            "utcOffset": .string(utcOffset), "resolution": .string(resolution),
        ])
    }
}

extension LegacyPlan.Omission: JSONValueConvertible {
    package var jsonValue: JSONValue { .object(["item": .string(item), "reason": .string(reason)]) }
}

extension LegacyStep: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "name": name.rawJSONValue, "when": .string(when), "commands": commands.jsonValue,
        ]
        object.setIfPresent("utc", utc)
        object.setIfPresent("local", local)
        object.setIfPresent("utcOffset", utcOffset)
        object.setIfPresent("repeatEvery", repeatEvery)
        object.setIfPresent("maxChecks", maxChecks)
        object.setIfPresent("until", until)
        object.setIfPresent("onFailure", onFailure)
        return .object(object)
    }
}

extension LegacyCommandReference: JSONValueConvertible {
    package var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "file": .string(file), "requestType": .string(requestType), "commandUUID": .string(commandUUID),
        ]
        object.setIfPresent("productKey", productKey)
        return .object(object)
    }
}

extension LegacyProductKeySource: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object(["from": .string(from), "match": match.jsonValue, "placeholder": .string(placeholder)])
    }
}

extension LegacyUntil: JSONValueConvertible {
    package var jsonValue: JSONValue { .object(["query": .string(query), "atLeast": .string(atLeast)]) }
}

extension LegacyFailurePath: JSONValueConvertible {
    package var jsonValue: JSONValue {
        .object([
            "failureStatuses": failureStatuses.jsonValue, "failureInstallAction": .string(failureInstallAction),
            "onFailureStatus": .string(onFailureStatus), "afterMaxChecks": .string(afterMaxChecks),
            "report": report.jsonValue,
        ])
    }
}
