#!/usr/bin/env python3
"""w3c-check.py SUITE FILE.json: runs the W3C annotation-model test suite (the assertion lists of
web-platform-tests' annotation-model: annotations/*.test, collections/*.test,
collections/pages/*.test, JSON Schemas draft-04 in definitions/) on an AnnotationCollection
the way the suite's own harness (JSONtest.js) does: every assertion of a list in order, its
expectedResult (valid or invalid) compared with the outcome, onUnexpectedResult deciding
whether the rest of the list still runs. The collection goes through collectionMusts and
pageMusts (a collection with an embedded page), each annotation through annotationMusts;
the optional lists are run and counted but do not fail. An embedded annotation is checked
with its collection's @context, as JSON-LD reads it. Exits 0 when every MUST passes,
1 otherwise, 77 when python3-jsonschema is missing."""
import json
import os
import re
import sys
import warnings

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

warnings.simplefilter("ignore", DeprecationWarning)

# The formats the suite relies on, checked whatever optional packages jsonschema has.
FORMATS = jsonschema.FormatChecker(())
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@FORMATS.checks("uri")
def is_uri(value):
    return not isinstance(value, str) or bool(URI.match(value))


@FORMATS.checks("date-time")
def is_datetime(value):
    return not isinstance(value, str) or bool(DATETIME.match(value))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Suite:
    def __init__(self, root):
        self.root = root
        self.store = {}
        defs = os.path.join(root, "definitions")
        for name in sorted(os.listdir(defs)):
            if name.endswith(".json"):
                schema = load(os.path.join(defs, name))
                self.store[schema.get("id", name)] = schema
                self.store[name] = schema

    def assertion(self, ref):
        if isinstance(ref, str):
            return load(os.path.join(self.root, ref)), ref
        if isinstance(ref, dict) and "assertionFile" in ref:
            schema = load(os.path.join(self.root, ref["assertionFile"]))
            schema.update({k: v for k, v in ref.items() if k != "assertionFile"})
            return schema, ref["assertionFile"]
        return ref, "inline"

    def valid(self, schema, content):
        resolver = jsonschema.RefResolver(schema.get("id", ""), schema, store=self.store)
        v = jsonschema.Draft4Validator(schema, resolver=resolver, format_checker=FORMATS)
        errors = list(v.iter_errors(content))
        return not errors, errors

    def run(self, assertions, content, results, action="continue"):
        """One assertion list, as JSONtest.js runTests: results get (name, passed, why)."""
        for ref in assertions:
            if isinstance(ref, list):
                if self.run(ref, content, results, action) == "abort":
                    action = "abort"
                continue
            if action == "abort":
                return "abort"
            schema, name = self.assertion(ref)
            if action != "continue":
                results.append((name, None, "skipped"))
                continue
            ok, errors = self.valid(schema, content)
            expected = schema.get("expectedResult", "valid")
            passed = ok if expected == "valid" else not ok
            if not passed:
                mapping = {"failAndSkip": "skip", "failAndAbort": "abort",
                           "passAndSkip": "skip", "passAndAbort": "abort"}
                action = mapping.get(schema.get("onUnexpectedResult", "failAndContinue"),
                                     "continue")
            why = "" if passed else (schema.get("errorMessage") or "not " + expected)
            if not passed and errors:
                why += " [" + errors[0].message[:160] + "]"
            results.append((name, passed, why))
        return action

    def test(self, test_file, content):
        results = []
        self.run(load(os.path.join(self.root, test_file))["assertions"], content, results)
        return results


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    suite = Suite(sys.argv[1])
    doc = load(sys.argv[2])
    runs = [("collections/collectionMusts.test", doc, True),
            ("collections/pages/pageMusts.test", doc, True),
            ("collections/collectionOptionals.test", doc, False),
            ("collections/pages/pageOptionals.test", doc, False)]
    items = doc.get("first", {}).get("items", []) if isinstance(doc, dict) else []
    for i, item in enumerate(items):
        # An embedded annotation is in its collection's JSON-LD context.
        if isinstance(item, dict) and "@context" not in item and "@context" in doc:
            item = dict(item, **{"@context": doc["@context"]})
        runs.append(("annotations/annotationMusts.test", item, True))
        runs.append(("annotations/annotationOptionals.test", item, False))
    failed = 0
    for test_file, content, must in runs:
        results = suite.test(test_file, content)
        passed = sum(1 for r in results if r[1])
        bad = [r for r in results if r[1] is False]
        skipped = sum(1 for r in results if r[1] is None)
        if must:
            print("%s: %d of %d passed%s" % (test_file, passed, len(results),
                  ", %d skipped" % skipped if skipped else ""))
            for name, _, why in bad:
                print("  FAIL %s: %s" % (name, why))
            failed += len(bad)
        else:
            print("%s (optional): %d of %d implemented" % (test_file, passed, len(results)))
    print("annotations checked: %d; MUST failures: %d" % (len(items), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
