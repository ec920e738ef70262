// The nlohmann-based implementations as they were on main before branch `nojson` (b86e5c7),
// kept verbatim (renamed) as the reference of test_json_document.cpp's differential tests: the
// JsonDocument paths the library now uses must agree with them byte for byte. A deliberate copy
// (`duplicates` reports it against config.cpp/retry.cpp/typed_value.cpp): a rule change meant to
// change behaviour is made here too, in the same commit (docs/webhook.md).
#include "nlohmann_reference.hpp"

#include <algorithm>
#include <cmath>

#include "webhook/config.hpp"
#include "webhook/encode.hpp"
#include "webhook/headers.hpp"
#include "webhook/linked_data_source.hpp"
#include "webhook/signing.hpp"
#include "webhook/typed_value.hpp"
#include "webhook/url.hpp"

namespace hooksmith::reference {

using namespace hooksmith::detail;

namespace {

constexpr int max_attempts_limit = 100;
constexpr std::int64_t one_day_ms = 24LL * 60 * 60 * 1000;
constexpr std::size_t max_delay_entries = 100;

[[noreturn]] void retry_error(const std::string& field, const std::string& message) {
    Error error(ErrorKind::config, message);
    error.field = field;
    throw error;
}

std::int64_t read_integer(const nlohmann::ordered_json& value, const std::string& field, std::int64_t min,
                          std::int64_t max, const char* unit) {
    const std::string range = " between " + std::to_string(min) + " and " + std::to_string(max) + unit;
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        // nlohmann parses every non-negative integer as unsigned: check both bounds here too.
        if (number > std::uint64_t(max) || std::int64_t(number) < min) retry_error(field, field + " must be" + range);
        return std::int64_t(number);
    }
    if (!value.is_number_integer()) retry_error(field, field + " must be an integer" + range);
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max) retry_error(field, field + " must be" + range);
    return number;
}

// 408, "500-599" or "500–599" are accepted; only 4xx/5xx can be retried.
StatusRange read_status_range(const nlohmann::ordered_json& value, const std::string& field) {
    const char* expected = " must be a status from 400 to 599 or a range such as \"500-599\"";
    if (value.is_number()) {
        const int status = int(read_integer(value, field, 400, 599, ""));
        return {status, status};
    }
    if (!value.is_string()) retry_error(field, field + expected);
    const std::string& text = value.get_ref<const std::string&>();
    const auto is_digits = [](std::string_view part) {
        return part.size() == 3 && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 7 || text[3] != '-' || !is_digits(std::string_view(text).substr(0, 3)) ||
        !is_digits(std::string_view(text).substr(4))) {
        retry_error(field, field + expected);
    }
    const StatusRange range{std::stoi(text.substr(0, 3)), std::stoi(text.substr(4))};
    if (range.first < 400 || range.last > 599 || range.first > range.last) retry_error(field, field + expected);
    return range;
}

nlohmann::ordered_json status_range_json(const StatusRange& range) {
    if (range.first == range.last) return range.first;
    return std::to_string(range.first) + "-" + std::to_string(range.last);
}


}  // namespace

RetryPolicy retry_from_json(const nlohmann::ordered_json& value) {
    if (value.is_string()) return RetryPolicy::preset(value.get_ref<const std::string&>());
    if (!value.is_object()) {
        retry_error("retry", "retry must be a policy name (\"leanplum\", \"interactive\") or an object");
    }

    RetryPolicy policy;
    if (const auto preset_entry = value.find("preset"); preset_entry != value.end()) {
        if (!preset_entry->is_string()) retry_error("retry.preset", "retry.preset must be \"leanplum\" or \"interactive\"");
        const auto& preset_name = preset_entry->get_ref<const std::string&>();
        if (preset_name != "leanplum" && preset_name != "interactive") {
            retry_error("retry.preset", "unknown retry.preset '" + preset_name + "' (expected leanplum or interactive)");
        }
        policy = RetryPolicy::preset(preset_name);
    }

    // Members in key order (as when configs were parsed into a std::map): of several faulty
    // members, the same one is reported whatever their order in the text.
    std::vector<const nlohmann::ordered_json::object_t::value_type*> members;
    for (const auto& member : value.get_ref<const nlohmann::ordered_json::object_t&>()) members.push_back(&member);
    std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* entry : members) {
        const std::string& key = entry->first;
        const nlohmann::ordered_json& member = entry->second;
        const std::string field = "retry." + key;
        if (key == "preset") {
            continue;
        } else if (key == "maxAttempts") {
            policy.max_attempts = int(read_integer(member, field, 1, max_attempts_limit, ""));
        } else if (key == "delaysMs") {
            if (!member.is_array() || member.empty() || member.size() > max_delay_entries) {
                retry_error(field, field + " must be a list of 1 to " + std::to_string(max_delay_entries) +
                                        " delays in milliseconds");
            }
            policy.delays_ms.clear();
            for (std::size_t i = 0; i < member.size(); ++i) {
                policy.delays_ms.push_back(read_integer(member[i], field + "[" + std::to_string(i) + "]", 0,
                                                        one_day_ms, " ms (24 h)"));
            }
        } else if (key == "retryAfterCapMs") {
            policy.retry_after_cap_ms = read_integer(member, field, 0, one_day_ms, " ms (24 h)");
        } else if (key == "attemptTimeoutMs") {
            policy.attempt_timeout_ms = read_integer(member, field, 1, one_day_ms, " ms (24 h)");
        } else if (key == "retryStatuses") {
            if (!member.is_array() || member.size() > 200) {
                retry_error(field, field + " must be a list of statuses (408) or ranges (\"500-599\")");
            }
            policy.retry_statuses.clear();
            for (std::size_t i = 0; i < member.size(); ++i) {
                policy.retry_statuses.push_back(read_status_range(member[i], field + "[" + std::to_string(i) + "]"));
            }
        } else if (key == "retryNetworkErrors") {
            if (!member.is_boolean()) retry_error(field, field + " must be true or false");
            policy.retry_network_errors = member.get<bool>();
        } else {
            retry_error(field, "unknown retry setting '" + key +
                                    "' (expected preset, maxAttempts, delaysMs, retryAfterCapMs, "
                                    "attemptTimeoutMs, retryStatuses, retryNetworkErrors)");
        }
    }
    // The name describes the values, whichever preset they started from.
    policy.name = "custom";
    for (const RetryPolicy& candidate : {RetryPolicy::leanplum(), RetryPolicy::interactive()}) {
        policy.name = candidate.name;
        if (policy == candidate) return policy;
    }
    policy.name = "custom";
    return policy;
}

nlohmann::ordered_json retry_to_json(const RetryPolicy& policy) {
    nlohmann::ordered_json statuses = nlohmann::ordered_json::array();
    for (const auto& range : policy.retry_statuses) statuses.push_back(status_range_json(range));
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    // Keys in sorted order: the JSON text is the same as when this was a std::map-based json.
    object["attemptTimeoutMs"] = policy.attempt_timeout_ms;
    object["delaysMs"] = policy.delays_ms;
    object["maxAttempts"] = policy.max_attempts;
    if (policy.name == "leanplum" || policy.name == "interactive") object["preset"] = policy.name;
    object["retryAfterCapMs"] = policy.retry_after_cap_ms;
    object["retryNetworkErrors"] = policy.retry_network_errors;
    object["retryStatuses"] = std::move(statuses);
    return object;
}


namespace {

std::string excerpt(std::string_view text) {
    std::size_t end = text.size();
    bool cut = false;
    if (end > 40) {
        end = 40;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        cut = true;
    }
    std::string quoted;
    append_json_string(quoted, text.substr(0, end));
    if (cut) quoted += "…";
    return quoted;
}

Error typed_error(ErrorKind kind, const std::string& field, std::string message) {
    Error error(kind, field + ": " + message);
    error.field = field;
    return error;
}

// `text` has passed is_json_number, so the parse cannot fail; only the range is left to check.
nlohmann::ordered_json parsed_number(std::string_view text, const std::string& field) {
    nlohmann::ordered_json number;
    try {
        number = nlohmann::ordered_json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception&) {  // out_of_range.406: beyond a double
        number = nlohmann::ordered_json();
    }
    if (!number.is_number() || (number.is_number_float() && !std::isfinite(number.get<double>()))) {
        throw typed_error(ErrorKind::config, field, "the number " + excerpt(text) + " is out of range");
    }
    return number;
}


}  // namespace

std::string number_json(std::string_view text) { return parsed_number(text, "n").dump(); }

std::string typed_json(std::string_view rendered) {
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(rendered.begin(), rendered.end());
    } catch (const nlohmann::json::exception& failure) {
        throw typed_error(ErrorKind::config, "v",
                          "expected JSON (e.g. `| tojson`), got " + excerpt(rendered) + ": " + json_failure_reason(failure.what()));
    }
    return value.dump();
}

namespace {

// Records where a text stops being JSON; accepts everything else.
struct JsonSyntaxCheck : nlohmann::json_sax<nlohmann::ordered_json> {
    std::size_t error_position = 0;
    std::string reason;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& failure) override {
        error_position = position;
        reason = json_failure_reason(failure.what());
        return false;
    }
};

}  // namespace

std::optional<JsonSyntaxError> syntax_error(std::string_view text) {
    JsonSyntaxCheck check;
    if (nlohmann::ordered_json::sax_parse(text.data(), text.data() + text.size(), &check)) return std::nullopt;
    return JsonSyntaxError{check.error_position, std::move(check.reason)};
}

namespace {

using json = nlohmann::ordered_json;
using detail::equals_ignore_case;

const std::vector<std::string_view> top_level_fields = {
    "method", "url", "contentType", "data", "body", "headers", "missing", "signing", "retry", "linkedData"};
const std::vector<std::string_view> data_members = {"key", "value", "type"};
const std::vector<std::string_view> header_members = {"name", "value"};
const std::vector<std::string_view> signing_members = {"scheme", "secret", "id"};
const std::vector<std::string_view> linked_data_members = {"name", "url", "method", "headers"};
const std::vector<std::string_view> methods = {"POST", "PUT", "PATCH", "DELETE", "GET"};

Error config_error(std::string message, std::string field) {
    Error error(ErrorKind::config, std::move(message));
    error.field = std::move(field);
    return error;
}

const char* json_type_name(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::binary: return "binary data";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}

const std::string& expect_string(const json& value, const std::string& field, const char* what) {
    if (!value.is_string()) {
        throw config_error(field + " must be " + what + ", not " + json_type_name(value), field);
    }
    return value.get_ref<const std::string&>();
}

void reject_unknown_members(const json& object, const std::string& prefix, std::string_view where,
                            const std::vector<std::string_view>& known) {
    // Of several unknown members, the first in key order is reported (as when configs were
    // parsed into a std::map), whatever their order in the text.
    const std::string* unknown = nullptr;
    for (const auto& item : object.items()) {
        const std::string& name = item.key();
        if (std::find(known.begin(), known.end(), std::string_view(name)) == known.end() &&
            (!unknown || name < *unknown)) {
            unknown = &name;
        }
    }
    if (unknown) throw config_error(detail::unknown_field_message(*unknown, where, known), prefix + *unknown);
}

std::vector<DataField> parse_data(const json& value) {
    if (!value.is_array()) {
        throw config_error(std::string("data must be a list of {\"key\", \"value\"} pairs, not ") +
                               json_type_name(value), "data");
    }
    std::vector<DataField> data;
    data.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const json& entry = value[i];
        const std::string prefix = "data[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            throw config_error(prefix + " must be an object {\"key\": …, \"value\": …}, not " +
                                   json_type_name(entry), prefix);
        }
        reject_unknown_members(entry, prefix + ".", prefix, data_members);
        DataField field;
        auto key = entry.find("key");
        if (key == entry.end()) throw config_error(prefix + " has no key", prefix + ".key");
        field.key = expect_string(*key, prefix + ".key", "a string");
        auto text = entry.find("value");
        if (text == entry.end()) {
            throw config_error(prefix + " has no value (a template)", prefix + ".value");
        }
        field.value = expect_string(*text, prefix + ".value", "a string (a template)");
        auto type = entry.find("type");
        if (type != entry.end()) {
            const std::string& name = expect_string(*type, prefix + ".type", "a string");
            auto parsed = detail::parse_value_type(name);
            if (!parsed) {
                throw config_error(prefix + ".type '" + name +
                                       "' is not one of string, number, boolean, json", prefix + ".type");
            }
            field.type = *parsed;
        }
        data.push_back(std::move(field));
    }
    return data;
}

std::vector<HeaderField> parse_headers(const json& value) {
    if (!value.is_array()) {
        throw config_error(std::string("headers must be a list of {\"name\", \"value\"} pairs, not ") +
                               json_type_name(value), "headers");
    }
    std::vector<HeaderField> headers;
    headers.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const json& entry = value[i];
        const std::string prefix = "headers[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            throw config_error(prefix + " must be an object {\"name\": …, \"value\": …}, not " +
                                   json_type_name(entry), prefix);
        }
        reject_unknown_members(entry, prefix + ".", prefix, header_members);
        HeaderField header;
        auto name = entry.find("name");
        if (name == entry.end()) throw config_error(prefix + " has no name", prefix + ".name");
        header.name = expect_string(*name, prefix + ".name", "a string");
        auto text = entry.find("value");
        if (text == entry.end()) {
            throw config_error(prefix + " has no value (a template)", detail::header_field(header.name));
        }
        header.value = expect_string(*text, detail::header_field(header.name), "a string (a template)");
        headers.push_back(std::move(header));
    }
    return headers;
}

std::vector<LinkedDataSource> parse_linked_data(const json& value) {
    if (!value.is_array()) {
        throw config_error(std::string("linkedData must be a list of {\"name\", \"url\"} sources, not ") +
                               json_type_name(value), "linkedData");
    }
    std::vector<LinkedDataSource> sources;
    sources.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const json& entry = value[i];
        const std::string prefix = "linkedData[" + std::to_string(i) + "]";
        if (!entry.is_object()) {
            throw config_error(prefix + " must be an object {\"name\": …, \"url\": …}, not " +
                                   json_type_name(entry), prefix);
        }
        reject_unknown_members(entry, prefix + ".", prefix, linked_data_members);
        LinkedDataSource source;
        auto name = entry.find("name");
        if (name == entry.end()) throw config_error(prefix + " has no name", prefix + ".name");
        source.name = expect_string(*name, prefix + ".name", "a string");
        auto url = entry.find("url");
        if (url == entry.end()) {
            throw config_error(prefix + " has no url (a literal URL with \"{}\" for the parameter)",
                               prefix + ".url");
        }
        source.url = expect_string(*url, prefix + ".url", "a string (a literal URL)");
        if (auto method = entry.find("method"); method != entry.end()) {
            source.method = expect_string(*method, prefix + ".method", "a string");
        }
        if (auto headers = entry.find("headers"); headers != entry.end()) {
            try {
                source.headers = parse_headers(*headers);
            } catch (const Error& error) {
                throw error.in_field(prefix + "." + error.field);
            }
        }
        sources.push_back(std::move(source));
    }
    return sources;
}

SigningConfig parse_signing(const json& value) {
    if (!value.is_object()) {
        throw config_error(std::string("signing must be an object {\"scheme\", \"secret\", \"id\"}, not ") +
                               json_type_name(value), "signing");
    }
    reject_unknown_members(value, "signing.", "signing", signing_members);
    SigningConfig signing;
    if (auto scheme = value.find("scheme"); scheme != value.end()) {
        signing.scheme = expect_string(*scheme, "signing.scheme", "a string");
    }
    auto secret = value.find("secret");
    if (secret == value.end()) {
        throw config_error("signing needs a secret (\"whsec_\" + base64)", "signing.secret");
    }
    signing.secret = expect_string(*secret, "signing.secret", "a string");
    if (auto id = value.find("id"); id != value.end()) {
        signing.id = expect_string(*id, "signing.id", "a string (a template)");
    }
    return signing;
}

MissingPolicy parse_missing(const std::string& name) {
    if (name == "suppress") return MissingPolicy::suppress;
    if (name == "jinja") return MissingPolicy::jinja;
    throw config_error("missing must be \"suppress\" or \"jinja\", not '" + name + "'", "missing");
}

bool is_printable_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c >= 0x20 && c <= 0x7E; });
}

void validate_content_type(WebhookConfig& config) {
    std::string& type = config.content_type;
    if (!config.body) {
        if (equals_ignore_case(type, detail::json_content_type)) {
            type = std::string(detail::json_content_type);
        } else if (equals_ignore_case(type, detail::form_content_type)) {
            type = std::string(detail::form_content_type);
        } else {
            throw config_error("contentType must be application/json or "
                               "application/x-www-form-urlencoded with data (any type is allowed "
                               "with a raw body)", "contentType");
        }
        return;
    }
    const bool padded = !type.empty() && (type.front() == ' ' || type.back() == ' ');
    if (type.empty() || padded || !is_printable_ascii(type)) {
        throw config_error("contentType must be a non-empty header value of printable ASCII "
                           "without surrounding spaces", "contentType");
    }
}

void validate_data(const WebhookConfig& config) {
    for (std::size_t i = 0; i < config.data.size(); ++i) {
        const std::string& key = config.data[i].key;
        const std::string index_field = "data[" + std::to_string(i) + "].key";
        if (key.empty()) throw config_error(index_field + " is empty; keys must be non-empty", index_field);
        if (!detail::is_valid_utf8(key)) throw config_error(index_field + " is not valid UTF-8", index_field);
        for (std::size_t j = 0; j < i; ++j) {
            if (config.data[j].key == key) {
                throw config_error("the data key '" + key + "' is given twice (data[" +
                                       std::to_string(j) + "] and data[" + std::to_string(i) + "])",
                                   detail::data_field(key));
            }
        }
    }
}

void validate_headers(const WebhookConfig& config) {
    static const std::vector<std::string_view> signing_headers = {
        "webhook-id", "webhook-timestamp", "webhook-signature"};
    for (std::size_t i = 0; i < config.headers.size(); ++i) {
        const std::string& name = config.headers[i].name;
        if (!detail::is_http_token(name)) {
            const std::string field = "headers[" + std::to_string(i) + "].name";
            throw config_error(field + " is not a valid header name (letters, digits and "
                               "!#$%&'*+-.^_`|~ only)", field);
        }
        const std::string field = detail::header_field(name);
        if (equals_ignore_case(name, "Content-Type")) {
            throw config_error("Content-Type cannot be set as a header: use contentType", field);
        }
        if (detail::is_forbidden_request_header(name)) {
            throw config_error("the header " + name + " is forbidden in browsers (fetch drops it "
                               "silently), so it cannot be configured", field);
        }
        if (config.signing) {
            for (std::string_view reserved : signing_headers) {
                if (equals_ignore_case(name, reserved)) {
                    throw config_error("the header " + name + " is set by signing", field);
                }
            }
        }
        if (!detail::is_valid_utf8(config.headers[i].value)) {
            throw config_error("the header value template is not valid UTF-8", field);
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (equals_ignore_case(config.headers[j].name, name)) {
                throw config_error("the header " + name + " is given twice (names are "
                                   "case-insensitive)", field);
            }
        }
    }
}

void validate_signing(const WebhookConfig& config) {
    if (!config.signing) return;
    if (config.signing->scheme != "standard-webhooks") {
        throw config_error("signing.scheme must be \"standard-webhooks\"", "signing.scheme");
    }
    (void)detail::parse_signing_secret(config.signing->secret);  // throws, field signing.secret
}

// nlohmann reports "… at line 1, column 5: <what>; last read: '<input>'". The echoed input may
// be a secret, so only <what> is kept; the position is recomputed in code points.
Error input_error(std::string_view text, const json::exception& failure, std::size_t byte) {
    const std::string what = detail::json_failure_reason(failure.what());
    if (byte == 0) return Error(ErrorKind::input, "the config is not valid JSON: " + what);
    const std::size_t end = std::min<std::size_t>(byte - 1, text.size());
    int line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++line;
            column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column;
        }
    }
    return Error(ErrorKind::input, "the config is not valid JSON: " + what, line, column);
}

// JSON.parse keeps the last of duplicate keys silently; in a config that hides a typo, so a
// repeated key is an error naming its path.
class DuplicateKeyCheck {
public:
    bool operator()(int, json::parse_event_t event, json& parsed) {
        switch (event) {
            case json::parse_event_t::object_start: frames_.push_back({false, 0, {}, {}}); break;
            case json::parse_event_t::array_start: frames_.push_back({true, 0, {}, {}}); break;
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                if (!frames_.empty()) frames_.pop_back();
                count_element();
                break;
            case json::parse_event_t::key: on_key(parsed.get_ref<const std::string&>()); break;
            case json::parse_event_t::value: count_element(); break;
        }
        return true;
    }

private:
    struct Frame {
        bool is_array;
        std::size_t index;
        std::string key;
        std::vector<std::string> keys;
    };

    void count_element() {
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    }

    void on_key(const std::string& key) {
        if (frames_.empty()) return;
        Frame& frame = frames_.back();
        if (std::find(frame.keys.begin(), frame.keys.end(), key) != frame.keys.end()) {
            std::string path;
            for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
                const Frame& outer = frames_[i];
                if (outer.is_array) {
                    path += "[" + std::to_string(outer.index) + "]";
                } else {
                    path += (path.empty() ? "" : ".") + outer.key;
                }
            }
            path += (path.empty() ? "" : ".") + key;
            throw config_error("the key '" + key + "' is given twice", path);
        }
        frame.keys.push_back(key);
        frame.key = key;
    }

    std::vector<Frame> frames_;
};

}  // namespace

WebhookConfig config_from_json(const json& value) {
    if (!value.is_object()) {
        throw config_error(std::string("a webhook config must be a JSON object, not ") +
                               json_type_name(value), "");
    }
    reject_unknown_members(value, "", "the config", top_level_fields);
    WebhookConfig config;
    if (auto method = value.find("method"); method != value.end()) {
        config.method = expect_string(*method, "method", "a string");
    }
    auto url = value.find("url");
    if (url == value.end()) throw config_error("url is required (a template)", "url");
    config.url = expect_string(*url, "url", "a string (a template)");
    if (auto type = value.find("contentType"); type != value.end()) {
        config.content_type = expect_string(*type, "contentType", "a string");
    }
    auto data = value.find("data");
    auto body = value.find("body");
    if (data != value.end() && body != value.end()) {
        throw config_error("give either body or data, not both", "body");
    }
    if (data != value.end()) config.data = parse_data(*data);
    if (body != value.end()) config.body = expect_string(*body, "body", "a string (a template)");
    if (auto headers = value.find("headers"); headers != value.end()) {
        config.headers = parse_headers(*headers);
    }
    if (auto missing = value.find("missing"); missing != value.end()) {
        config.missing = parse_missing(expect_string(*missing, "missing", "a string"));
    }
    if (auto signing = value.find("signing"); signing != value.end()) {
        config.signing = parse_signing(*signing);
    }
    if (auto retry = value.find("retry"); retry != value.end()) {
        try {
            config.retry = retry_from_json(*retry);
        } catch (const Error& error) {
            if (error.field.rfind("retry", 0) == 0) throw;
            throw error.in_field(error.field.empty() ? "retry" : "retry." + error.field);
        }
    }
    if (auto linked = value.find("linkedData"); linked != value.end()) {
        config.linked_data = parse_linked_data(*linked);
    }
    validate_config(config);
    return config;
}

WebhookConfig parse_config(std::string_view json_text) {
    json value;
    try {
        value = json::parse(json_text.begin(), json_text.end(), DuplicateKeyCheck());
    } catch (const json::parse_error& failure) {
        throw input_error(json_text, failure, failure.byte ? failure.byte : 1);
    } catch (const json::out_of_range& failure) {  // a number beyond a double: 1e400
        throw input_error(json_text, failure, 0);
    }
    return config_from_json(value);
}

std::string config_to_json_text(const WebhookConfig& config, bool reveal, int indent) {
    nlohmann::ordered_json out;
    out["method"] = config.method;
    out["url"] = reveal ? config.url : detail::mask_url_password(config.url);
    out["contentType"] = config.content_type;
    if (config.body) {
        out["body"] = *config.body;
    } else {
        out["data"] = nlohmann::ordered_json::array();
        for (const DataField& field : config.data) {
            nlohmann::ordered_json entry;
            entry["key"] = field.key;
            entry["value"] = field.value;
            if (field.type != ValueType::string) entry["type"] = to_string(field.type);
            out["data"].push_back(std::move(entry));
        }
    }
    out["headers"] = nlohmann::ordered_json::array();
    for (const HeaderField& header : config.headers) {
        const bool secret = equals_ignore_case(header.name, "Authorization");
        out["headers"].push_back({{"name", header.name},
                                  {"value", secret && !reveal ? std::string("****") : header.value}});
    }
    out["missing"] = config.missing == MissingPolicy::suppress ? "suppress" : "jinja";
    if (config.signing) {
        nlohmann::ordered_json signing;
        signing["scheme"] = config.signing->scheme;
        signing["secret"] = reveal ? config.signing->secret : std::string("whsec_****");
        if (config.signing->id) signing["id"] = *config.signing->id;
        out["signing"] = std::move(signing);
    }
    if (config.retry) out["retry"] = nlohmann::ordered_json(retry_to_json(*config.retry));
    if (!config.linked_data.empty()) {
        out["linkedData"] = nlohmann::ordered_json::array();
        for (const LinkedDataSource& source : config.linked_data) {
            nlohmann::ordered_json entry;
            entry["name"] = source.name;
            entry["url"] = source.url;
            entry["method"] = source.method;
            entry["headers"] = nlohmann::ordered_json::array();
            for (const HeaderField& header : source.headers) {
                const bool secret = equals_ignore_case(header.name, "Authorization");
                entry["headers"].push_back({{"name", header.name},
                                            {"value", secret && !reveal ? std::string("****") : header.value}});
            }
            out["linkedData"].push_back(std::move(entry));
        }
    }
    return out.dump(indent);
}



namespace {

Error answer_error(std::size_t index, const std::string& problem) {
    return Error(ErrorKind::input, "answers[" + std::to_string(index) + "] " + problem +
                                       " (expected {\"source\", \"parameter\", \"status\", \"body\", \"error\"})");
}

std::string optional_string(const nlohmann::ordered_json& entry, const char* name, std::size_t index) {
    auto member = entry.find(name);
    if (member == entry.end() || member->is_null()) return {};
    if (!member->is_string()) throw answer_error(index, std::string(name) + " must be a string");
    return member->get<std::string>();
}

}  // namespace

std::vector<LinkedDataAnswer> parse_linked_data_answers(std::string_view json_text) {
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(json_text.begin(), json_text.end());
    } catch (const nlohmann::json::exception& failure) {
        throw Error(ErrorKind::input, "the linked data answers are not valid JSON: " +
                                          detail::json_failure_reason(failure.what()));
    }
    if (!value.is_array()) throw Error(ErrorKind::input, "the linked data answers must be a JSON array");
    std::vector<LinkedDataAnswer> answers;
    answers.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const nlohmann::ordered_json& entry = value[i];
        if (!entry.is_object()) throw answer_error(i, "is not an object");
        LinkedDataAnswer answer;
        auto source = entry.find("source");
        if (source == entry.end() || !source->is_string()) throw answer_error(i, "needs a source (a string)");
        answer.source = source->get<std::string>();
        if (auto parameter = entry.find("parameter"); parameter != entry.end() && !parameter->is_null()) {
            if (!parameter->is_string()) throw answer_error(i, "parameter must be a string or null");
            answer.parameter = parameter->get<std::string>();
        }
        auto status = entry.find("status");
        if (status == entry.end() || !status->is_number_integer() || status->get<std::int64_t>() < 0 ||
            status->get<std::int64_t>() > 999) {
            throw answer_error(i, "needs a status (an HTTP status, or 0 for no response)");
        }
        answer.status = status->get<int>();
        answer.body = optional_string(entry, "body", i);
        answer.error = optional_string(entry, "error", i);
        answers.push_back(std::move(answer));
    }
    return answers;
}



}  // namespace hooksmith::reference
