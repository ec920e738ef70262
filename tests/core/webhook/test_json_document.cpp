// Differential tests: the JsonDocument paths (what the library, and the Wasm shell, now use)
// against the nlohmann-based code they replaced (nlohmann_reference.cpp, main before `nojson`),
// byte for byte — parsed values and dump(indent), exceptions (type, what(), byte), syntax-check
// positions, configs and their export, retry policies, typed values, Linked Data answers — over
// hand-picked hostile texts and generated ones, valid and mutated.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <typeinfo>
#include <vector>

#include <nlohmann/json.hpp>

#include "hooksmith/linked_data.hpp"
#include "hooksmith/retry.hpp"
#include "hooksmith/webhook.hpp"
#include "nlohmann_reference.hpp"
#include "webhook/config.hpp"
#include "webhook/json_document.hpp"
#include "webhook/typed_value.hpp"

using namespace hooksmith;
using detail::JsonDocument;

namespace {

std::string describe(const Error& error) {
    return std::string("Error{") + to_string(error.kind) + "|" + error.message + "|" + error.field + "|" +
           error.variable + "|" + std::to_string(error.line) + ":" + std::to_string(error.column) + "}";
}

// What `action` produced, or what it threw, as one comparable string.
template <typename Action>
std::string outcome(Action&& action) {
    try {
        return "ok " + action();
    } catch (const Error& error) {
        return describe(error);
    } catch (const nlohmann::detail::parse_error& error) {
        return "parse_error " + std::to_string(error.id) + " byte " + std::to_string(error.byte) + " " + error.what();
    } catch (const nlohmann::detail::out_of_range& error) {
        return "out_of_range " + std::to_string(error.id) + " " + error.what();
    } catch (const nlohmann::detail::type_error& error) {
        return "type_error " + std::to_string(error.id) + " " + error.what();
    } catch (const std::exception& error) {
        return std::string("other exception ") + error.what();
    }
}

std::string reference_dumps(std::string_view text) {
    const auto value = nlohmann::ordered_json::parse(text.begin(), text.end());
    return value.dump() + "\n" + value.dump(0) + "\n" + value.dump(2);
}

std::string document_dumps(std::string_view text) {
    const JsonDocument document = JsonDocument::parse(text);
    return document.dump() + "\n" + document.dump(0) + "\n" + document.dump(2);
}

std::string syntax_outcome(const std::optional<detail::JsonSyntaxError>& error) {
    return error ? std::to_string(error->position) + " " + error->reason : std::string("valid");
}

std::string config_text(const WebhookConfig& config) {
    return config_to_json_text(config, true, -1) + "\n" + config_to_json_text(config, false, 2) + "\n" +
           config_to_json_text(config, false, 0);
}

std::string reference_config_text(const WebhookConfig& config) {
    return reference::config_to_json_text(config, true, -1) + "\n" + reference::config_to_json_text(config, false, 2) +
           "\n" + reference::config_to_json_text(config, false, 0);
}

std::string policy_text(const RetryPolicy& policy) { return policy.name + " " + detail::retry_policy_json_text(policy); }
std::string reference_policy_text(const RetryPolicy& policy) {
    return policy.name + " " + reference::retry_to_json(policy).dump();
}

std::string answers_text(const std::vector<LinkedDataAnswer>& answers) {
    std::string out;
    for (const auto& answer : answers) {
        out += answer.source + "|" + (answer.parameter ? "p:" + *answer.parameter : "-") + "|" +
               std::to_string(answer.status) + "|" + answer.body + "|" + answer.error + ";";
    }
    return out;
}

// Every comparison the library's JSON paths owe the old ones, for one text; true when it is a
// valid config (so that the generators can show they reach past the first checks).
bool compare_all(const std::string& text) {
    INFO("text: " << nlohmann::json(text).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    CHECK(outcome([&] { return document_dumps(text); }) == outcome([&] { return reference_dumps(text); }));
    CHECK(syntax_outcome(detail::json_syntax_error(text)) == syntax_outcome(reference::syntax_error(text)));
    const std::string config = outcome([&] { return config_text(parse_config(text)); });
    CHECK(config == outcome([&] { return reference_config_text(reference::parse_config(text)); }));
    CHECK(outcome([&] { return policy_text(detail::retry_policy_from_json_text(text)); }) ==
          outcome([&] { return reference_policy_text(reference::retry_from_json(nlohmann::ordered_json::parse(text))); }));
    CHECK(outcome([&] { return answers_text(parse_linked_data_answers(text)); }) ==
          outcome([&] { return answers_text(reference::parse_linked_data_answers(text)); }));
    // A `type: json` value (append_typed_json checks NUL bytes and depth first, then parses;
    // the reference is the parse and dump after those checks).
    const auto brackets = std::count_if(text.begin(), text.end(), [](char c) { return c == '[' || c == '{'; });
    if (text.find('\0') == std::string::npos && brackets <= 512) {
        CHECK(outcome([&] {
                  std::string out;
                  detail::append_typed_json(out, ValueType::json, text, "v");
                  return out;
              }) == outcome([&] { return reference::typed_json(text); }));
    }
    // The public nlohmann-taking functions, now wrappers, agree with the old walkers.
    nlohmann::ordered_json parsed;
    try {
        parsed = nlohmann::ordered_json::parse(text);
    } catch (const nlohmann::json::exception&) {
        return false;
    }
    CHECK(outcome([&] { return config_text(config_from_json(parsed)); }) ==
          outcome([&] { return reference_config_text(reference::config_from_json(parsed)); }));
    CHECK(outcome([&] { return policy_text(RetryPolicy::from_json(parsed)); }) ==
          outcome([&] { return reference_policy_text(reference::retry_from_json(parsed)); }));
    return config.rfind("ok ", 0) == 0;
}

const std::vector<std::string> hostile_texts = {
    "", " ", "\n", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF", "\xEF\xBB", "\xEF", "\xEF\xBB\xBE[]", " \xEF\xBB\xBF{}",
    "nul", "tru", "falsey", "nulll", "True", "[1,]", "{\"a\":1,}", "01", "-", "-a", "--1", "1.", "1.e5", "1e", "1e+",
    "1e-", "1E+2", ".5", "+1", "1e400", "-1e400", "1e-400", "-0", "-0.0", "0.0", "1.0", "2.50", "1E3", "1e3",
    "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
    "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "0.1", "1e21", "1e-7", "5e-324",
    "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-325", "100000000000000000000000.0", "[0.30000000000000004]",
    "\"\\u0000\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\ud800\\\\\"", "\"\\ud800x\"", "\"\\udc00\"",
    "\"\\ud83d\\ude00\"", "\"\\u12\"", "\"\\u12g4\"", "\"\\ud800\\u12\"", "\"\\x\"", "\"\\", "\"\\u",
    std::string("\"a\x01" "b\""), "\"\n\"", "\"\t\"", "\"\x1f\"", "\"\x7f\"", "\"\xC0\x80\"", "\"\xC2\"", "\"\xC2\x41\"",
    "\"\xE0\x80\x80\"", "\"\xE0\xA0\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x98\"",
    "\"\xF0\x9F\x98\x80\"", "\"\xF5\x80\x80\x80\"", "\"\xff\"", "\"\x80\"", "\"abc", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
    std::string("[1,2\0junk", 9), std::string("{\"a\":1}\0xx", 10), std::string("\0", 1), std::string("\"a\0b\"", 5),
    "{\"a\" 1}", "{1:2}", "{\"a\":1 \"b\":2}", "[1 2]", "}", "]", ":", ",", "[", "{", "{\"a\":", "{\"a\"", "[1,",
    "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":2}}", "[{\"x\":1,\"x\":[1]}]", "{\"a\":1,\"b\":2,\"a\":3}",
    "{\"a\":[1,{\"c\":[{\"d\":1,\"d\":2}]}]}", "\t\r\n [ ]\n", "{\"\":0}", "\n\n  [1,\n x]", "[1]\n]", "[1] x",
    "{\"url\": \"u\", \"url\": \"v\"}", "{\"url\":\"https://x\",\"data\":[],\"data\":[]}", "[]", "{}", "[[]]", "[{}]",
    "{\"a\":[]}", "{\"a\":{}}", "[null,true,false]", "{\"\xC3\xA9\":\"\xE2\x82\xAC\"}",
    // Configs.
    "{\"url\":\"https://x.example/{{ a }}\"}", "{\"url\":1}", "{\"url\":\"u\",\"method\":null}", "{\"uurl\":\"u\"}",
    "{\"url\":\"https://x.example\",\"zeta\":1,\"alpha\":2}", "{\"url\":\"https://x.example\",\"data\":{}}",
    "{\"url\":\"https://x.example\",\"data\":[{\"key\":\"a\",\"value\":\"1\",\"type\":\"json\"},{\"key\":\"b\",\"value\":\"2\",\"type\":\"number\"}]}",
    "{\"url\":\"https://x.example\",\"data\":[{\"key\":\"a\",\"value\":\"1\",\"type\":\"jsn\"}]}",
    "{\"url\":\"https://x.example\",\"data\":[{\"key\":\"a\"}]}", "{\"url\":\"https://x.example\",\"data\":[1]}",
    "{\"url\":\"https://x.example\",\"body\":\"{}\",\"data\":[]}", "{\"url\":\"https://x.example\",\"body\":\"{}\",\"contentType\":\"text/plain\"}",
    "{\"url\":\"https://u:p@x.example\",\"headers\":[{\"name\":\"Authorization\",\"value\":\"Bearer s\"},{\"name\":\"X-A\",\"value\":\"{{ a }}\"}]}",
    "{\"url\":\"https://x.example\",\"headers\":[{\"name\":\"X-A\"}]}", "{\"url\":\"https://x.example\",\"headers\":[{\"nam\":\"X\",\"value\":\"v\"}]}",
    "{\"url\":\"https://x.example\",\"missing\":\"jinja\"}", "{\"url\":\"https://x.example\",\"missing\":\"no\"}",
    "{\"url\":\"https://x.example\",\"signing\":{\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"id\":\"{{ i }}\"}}",
    "{\"url\":\"https://x.example\",\"signing\":{\"secret\":1}}", "{\"url\":\"https://x.example\",\"signing\":{}}",
    "{\"url\":\"https://x.example\",\"retry\":\"interactive\"}", "{\"url\":\"https://x.example\",\"retry\":\"x\"}",
    "{\"url\":\"https://x.example\",\"retry\":{\"maxAttempts\":5,\"delaysMs\":[1000,5000],\"retryStatuses\":[408,\"500-599\"]}}",
    "{\"url\":\"https://x.example\",\"retry\":{\"zzz\":1,\"maxAttempts\":0}}", "{\"url\":\"https://x.example\",\"retry\":[1]}",
    "{\"url\":\"https://x.example\",\"linkedData\":[{\"name\":\"p\",\"url\":\"https://api.example/p/{}\",\"headers\":[{\"name\":\"Authorization\",\"value\":\"k\"}]}]}",
    "{\"url\":\"https://x.example\",\"linkedData\":[{\"name\":\"p\",\"url\":\"https://api.example/p/{}\",\"headers\":[{\"name\":1,\"value\":\"k\"}]}]}",
    "{\"url\":\"https://x.example\",\"linkedData\":[{\"name\":\"p\"}]}", "{\"url\":\"https://x.example\",\"linkedData\":{}}",
    // Retry policies.
    "\"leanplum\"", "\"interactive\"", "\"custom\"", "{\"preset\":\"interactive\"}", "{\"preset\":1}", "{\"preset\":\"x\"}",
    "{\"maxAttempts\":3,\"delaysMs\":[1000,2000],\"retryAfterCapMs\":10000,\"attemptTimeoutMs\":10000}",
    "{\"maxAttempts\":18446744073709551615}", "{\"maxAttempts\":-1}", "{\"maxAttempts\":2.0}", "{\"maxAttempts\":\"2\"}",
    "{\"delaysMs\":[]}", "{\"delaysMs\":[-5]}", "{\"delaysMs\":[86400001]}", "{\"retryStatuses\":[399]}",
    "{\"retryStatuses\":[\"599-500\"]}", "{\"retryStatuses\":[\"500\xE2\x80\x93" "599\"]}", "{\"retryStatuses\":\"x\"}",
    "{\"retryNetworkErrors\":0}", "{\"retryNetworkErrors\":false,\"maxAttempts\":51}", "{\"b\":1,\"a\":2}",
    "{\"maxAttempts\":3,\"maxAttempts\":4}", "{\"aaa\":1,\"maxAttempts\":0}", "{\"maxAttempts\":0,\"zzz\":1}",
    "{\"delaysMs\":[],\"b\":1}", "{\"retryStatuses\":[1],\"s\":1}", "{\"preset\":\"x\",\"aaa\":1}", "{\"Zeta\":1,\"delaysMs\":[]}",
    "{\"retryA\":1,\"retryAfterCapMs\":-1}", "{\"retryAfterCapMs\":-1,\"retryB\":1}", "{\"\xC3\xA9\":1,\"retryStatuses\":{}}",
    "{\"retryStatuses\":{},\"maxAttempts\":0,\"delaysMs\":[0.5],\"attemptTimeoutMs\":0}", "{\"preset\":\"leanplum\",\"\":1}",
    // Linked Data answers.
    "[{\"source\":\"p\",\"parameter\":\"1\",\"status\":200,\"body\":\"{}\"}]", "[{\"source\":\"p\",\"status\":0,\"error\":\"x\"}]",
    "[{\"source\":\"p\",\"status\":1000}]", "[{\"source\":\"p\",\"status\":200.0}]", "[{\"source\":\"p\",\"status\":-1}]",
    "[{\"source\":\"p\",\"status\":18446744073709551615}]", "[{\"source\":\"p\",\"status\":9223372036854775808}]",
    "[{\"source\":1,\"status\":200}]", "[{\"source\":\"p\",\"parameter\":1,\"status\":200}]", "[{\"source\":\"p\",\"status\":200,\"body\":1}]",
    "[1]", "{\"source\":\"p\"}",
};

TEST_CASE("json document: hand-picked and hostile texts agree with nlohmann and the old paths") {
    for (const std::string& text : hostile_texts) compare_all(text);
}

TEST_CASE("json document: deep nesting parses, fails and is freed without recursion, as before") {
    const std::string open(600, '['), close(600, ']');
    compare_all(open);
    compare_all(open + close);
    compare_all("{\"url\":\"https://x.example\",\"zz\":" + open + close + "}");
    // Too deep to dump (both serializers recurse): parsed, rejected and freed only.
    const std::string deep_open(100000, '['), deep_close(100000, ']');
    for (const std::string& text : {deep_open, deep_open + deep_close + "]", std::string(50000, '{') + "\"a\"",
                                    "{\"url\":\"https://x.example\",\"zz\":" + deep_open + deep_close + "}",
                                    "{\"url\":\"https://x.example\",\"data\":" + deep_open + deep_close + "}"}) {
        CHECK(outcome([&] { return config_text(parse_config(text)); }) ==
              outcome([&] { return reference_config_text(reference::parse_config(text)); }));
        CHECK(syntax_outcome(detail::json_syntax_error(text)) == syntax_outcome(reference::syntax_error(text)));
        CHECK(outcome([&] { return answers_text(parse_linked_data_answers(text)); }) ==
              outcome([&] { return answers_text(reference::parse_linked_data_answers(text)); }));
    }
}

TEST_CASE("json document: numbers dump as nlohmann wrote them (type: number)") {
    const std::vector<std::string> numbers = {
        "0", "-0", "0.0", "-0.0", "1.0", "2.50", "1e3", "1E3", "1e-3", "1e400", "-1e400", "1e-400", "5e-324",
        "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", "0.1", "1e21", "1e22", "1e-7", "123.456e7", "9007199254740993",
        "1.7976931348623157e308", "1.7976931348623159e308", "2.2250738585072014e-308", "3.14159265358979323846"};
    for (const std::string& number : numbers) {
        INFO(number);
        CHECK(outcome([&] {
                  std::string out;
                  detail::append_typed_json(out, ValueType::number, number, "n");
                  return out;
              }) == outcome([&] { return reference::number_json(number); }));
        compare_all(number);
        compare_all("[" + number + "," + number + "]");
    }
}

// Random JSON: generated values (every number form, escapes, UTF-8, repeated keys, config and
// retry member names), with random whitespace, then the same texts with random bytes changed.
class Generator {
public:
    explicit Generator(unsigned seed) : random_(seed) {}

    std::string value(int depth) {
        switch (pick(depth > 3 ? 6 : 8)) {
            case 0: return pick_of({"null", "true", "false"});
            case 1: return number();
            case 2:
            case 3: return string();
            case 4: return pick_of({"\"https://x.example/{{ a }}\"", "\"interactive\"", "\"leanplum\"", "\"500-599\"", "\"POST\"",
                                    "\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"", "\"json\"", "\"number\"", "\"Authorization\""});
            case 5: return number();
            case 6: {
                std::string out = "[" + space();
                const int n = pick(4);
                for (int i = 0; i < n; ++i) out += (i ? "," + space() : "") + value(depth + 1) + space();
                return out + "]";
            }
            default: {
                std::string out = "{" + space();
                const int n = pick(5);
                for (int i = 0; i < n; ++i) out += (i ? "," : "") + space() + key() + space() + ":" + space() + value(depth + 1);
                return out + space() + "}";
            }
        }
    }

    // A text in the shape of a config (or of a retry policy, or of answers), plausible enough to
    // get past the first checks.
    std::string config() {
        std::string out = "{\"url\":" + pick_of({"\"https://x.example/{{ a }}\"", "\"https://u:p@x.example\"",
                                                  "\"https://x.example/\"", "\"https://x.example/{{ a }}\"", "\"\"", "1"});
        const char* members[] = {"method", "contentType", "data", "body", "headers", "missing", "signing", "retry", "linkedData", "extra"};
        for (const char* member : members) {
            if (pick(4) != 0) continue;
            out += std::string(",\"") + member + "\":" + member_value(member);
        }
        return out + "}";
    }

    std::string mutate(std::string text) {
        static const char alphabet[] = "{}[]:,\"\\ 0123456789-+.eEtrufalsn\n\t\x01\x7f\xC3\xA9\xED\xF0\xFF";
        static const std::string bytes(alphabet, sizeof alphabet);  // the final NUL included
        const int edits = 1 + pick(3);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(text.size())));
            const char byte = bytes[static_cast<std::size_t>(pick(static_cast<int>(bytes.size())))];
            switch (pick(3)) {
                case 0: text.erase(at, 1); break;
                case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
                default: text[at] = byte; break;
            }
        }
        return text;
    }

private:
    int pick(int n) { return n <= 0 ? 0 : std::uniform_int_distribution<int>(0, n - 1)(random_); }
    std::string pick_of(std::initializer_list<const char*> options) {
        return *(options.begin() + pick(static_cast<int>(options.size())));
    }
    std::string space() { return pick(4) == 0 ? pick_of({" ", "\n", "\t", "\r\n  "}) : ""; }

    std::string key() {
        return pick_of({"\"url\"", "\"data\"", "\"key\"", "\"value\"", "\"type\"", "\"name\"", "\"a\"", "\"b\"", "\"a\"",
                        "\"maxAttempts\"", "\"delaysMs\"", "\"retryStatuses\"", "\"preset\"", "\"source\"", "\"status\"",
                        "\"\\u0061\"", "\"\"", "\"\xC3\xA9\""});
    }

    std::string number() {
        return pick_of({"0", "-0", "1", "-1", "42", "2.50", "1.0", "-0.0", "1e3", "1E-2", "0.1", "1e400", "-1e400", "1e-400",
                        "18446744073709551615", "18446744073709551616", "-9223372036854775809", "9223372036854775808",
                        "200", "408", "599", "86400000", "100", "3.14159", "123456789012345678901234567890", "5e-324"});
    }

    std::string string() {
        std::string out = "\"";
        const int n = pick(6);
        for (int i = 0; i < n; ++i) {
            out += pick_of({"a", "Z", " ", "\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\u20ac", "\\ud83d\\ude00",
                            "\\u0001", "\\u001f", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\x7f", "{{ x }}", "500-599"});
        }
        return out + "\"";
    }

    std::string member_value(const std::string& member) {
        if (pick(6) == 0) return value(2);
        if (member == "data") {
            std::string out = "[";
            const int n = pick(4);
            for (int i = 0; i < n; ++i) {
                out += std::string(i ? "," : "") + "{\"key\":" + pick_of({"\"a\"", "\"b\"", "\"\"", "1"}) + ",\"value\":" +
                       pick_of({"\"{{ a }}\"", "\"x\"", "null"}) + (pick(2) ? ",\"type\":" + pick_of({"\"json\"", "\"number\"", "\"boolean\"", "\"str\""}) : "") +
                       (pick(5) == 0 ? ",\"extra\":1" : "") + "}";
            }
            return out + "]";
        }
        if (member == "headers") {
            std::string out = "[";
            const int n = pick(3);
            for (int i = 0; i < n; ++i) {
                out += std::string(i ? "," : "") + "{\"name\":" + pick_of({"\"X-A\"", "\"Authorization\"", "\"Content-Type\"", "\"bad name\""}) +
                       ",\"value\":" + pick_of({"\"{{ a }}\"", "\"v\"", "2"}) + "}";
            }
            return out + "]";
        }
        if (member == "retry") {
            if (pick(3) == 0) return pick_of({"\"interactive\"", "\"leanplum\"", "\"other\""});
            std::string out = "{";
            const char* settings[] = {"preset", "maxAttempts", "delaysMs", "retryAfterCapMs", "attemptTimeoutMs", "retryStatuses", "retryNetworkErrors", "zzz"};
            bool first = true;
            for (const char* setting : settings) {
                if (pick(3) != 0) continue;
                const std::string name = setting;
                std::string v = name == "preset" ? pick_of({"\"interactive\"", "\"leanplum\"", "1"})
                              : name == "delaysMs" ? pick_of({"[1000,2000]", "[]", "[-1]", "[1.5]"})
                              : name == "retryStatuses" ? pick_of({"[408,\"500-599\"]", "[399]", "[\"5xx\"]", "{}"})
                              : name == "retryNetworkErrors" ? pick_of({"true", "false", "1"})
                              : number();
                out += std::string(first ? "" : ",") + "\"" + name + "\":" + v;
                first = false;
            }
            return out + "}";
        }
        if (member == "signing") {
            return pick_of({"{\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}", "{\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"id\":\"{{ i }}\",\"scheme\":\"standard-webhooks\"}",
                            "{\"secret\":\"x\"}", "{\"scheme\":\"other\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}", "{\"sekret\":1}"});
        }
        if (member == "linkedData") {
            return pick_of({"[{\"name\":\"p\",\"url\":\"https://api.example/p/{}\"}]",
                            "[{\"name\":\"p\",\"url\":\"https://api.example/p/{}\",\"method\":\"GET\",\"headers\":[{\"name\":\"Authorization\",\"value\":\"k\"}]}]",
                            "[{\"name\":\"p\"}]", "[{\"name\":\"p\",\"url\":\"https://api.example/p/{}\",\"headers\":[{\"name\":1}]}]", "[]"});
        }
        if (member == "missing") return pick_of({"\"jinja\"", "\"suppress\"", "\"x\""});
        if (member == "method") return pick_of({"\"post\"", "\"GET\"", "\"TRACE\"", "1"});
        if (member == "contentType") return pick_of({"\"application/json\"", "\"Application/X-WWW-Form-Urlencoded\"", "\"text/plain\""});
        if (member == "body") return pick_of({"\"{\\\"a\\\": {{ a | tojson }}}\"", "\"text\"", "1"});
        return value(2);
    }

    std::mt19937 random_;
};

TEST_CASE("json document: generated values and configs, and mutations of them, agree with the old paths") {
    Generator generate(20261129);
    int valid_configs = 0;
    for (int i = 0; i < 3000; ++i) {
        const std::string text = i % 2 ? generate.config() : generate.value(0);
        valid_configs += compare_all(text);
        compare_all(generate.mutate(text));
    }
    CHECK(valid_configs > 150);
}

TEST_CASE("json document: dump() throws nlohmann's type_error.316 for invalid UTF-8, at the same byte") {
    const std::vector<std::string> strings = {"ok", "a\xC0\x80", "\xC2", "ab\xE0\x80", "\xED\xA0\x80", "\xF4\x90",
                                              "x\xF0\x9F\x98", "\xF0\x9F\x98\x80\xFF", "\x80", "a\xC3"};
    for (const std::string& text : strings) {
        WebhookConfig config;
        config.url = "https://x.example";
        config.data.push_back({text, "v", ValueType::string});
        config.headers.push_back({"X-A", text});
        INFO(text);
        CHECK(outcome([&] { return config_to_json_text(config, true, -1); }) ==
              outcome([&] { return reference::config_to_json_text(config, true, -1); }));
    }
}

}  // namespace
