// Webhook configuration: JSON → WebhookConfig, the rules of webhook.md §2, and the export back.
#include "webhook/config.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include <nlohmann/json.hpp>  // its exception types only: parse_config throws what it always threw

#include "webhook/encode.hpp"
#include "webhook/json_document.hpp"
#include "webhook/headers.hpp"
#include "webhook/linked_data_source.hpp"
#include "webhook/signing.hpp"
#include "webhook/url.hpp"

namespace hooksmith {

const char* to_string(ValueType type) noexcept {
    switch (type) {
        case ValueType::string: return "string";
        case ValueType::number: return "number";
        case ValueType::boolean: return "boolean";
        case ValueType::json: return "json";
    }
    return "string";
}

namespace detail {

namespace {

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

std::size_t edit_distance_ignore_case(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution =
                previous[j - 1] + (lower_ascii(a[i - 1]) == lower_ascii(b[j - 1]) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::optional<std::string_view> nearest_name(std::string_view name,
                                             const std::vector<std::string_view>& candidates) {
    // Names longer than any candidate by far cannot be typos of one; also bounds the work.
    if (name.size() > 64) return std::nullopt;
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    for (std::string_view candidate : candidates) {
        const std::size_t distance = edit_distance_ignore_case(name, candidate);
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    const std::size_t tolerance = std::max<std::size_t>(2, name.size() / 3);
    if (best && best_distance <= tolerance) return best;
    return std::nullopt;
}

std::string unknown_field_message(std::string_view name, std::string_view where,
                                  const std::vector<std::string_view>& candidates) {
    std::string message = "unknown field '" + std::string(name) + "' in " + std::string(where);
    if (auto suggestion = nearest_name(name, candidates)) {
        message += " (did you mean '" + std::string(*suggestion) + "'?)";
    } else {
        message += " (known fields:";
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            message += (i ? ", " : " ") + std::string(candidates[i]);
        }
        message += ")";
    }
    return message;
}

std::optional<ValueType> parse_value_type(std::string_view name) {
    if (name == "string") return ValueType::string;
    if (name == "number") return ValueType::number;
    if (name == "boolean") return ValueType::boolean;
    if (name == "json") return ValueType::json;
    return std::nullopt;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    }
    return true;
}

std::string json_failure_reason(std::string_view what) {
    if (auto tag = what.find("] "); what.rfind("[json.exception", 0) == 0 && tag != what.npos) {
        what.remove_prefix(tag + 2);
    }
    if (auto colon = what.find(": "); what.rfind("parse error", 0) == 0 && colon != what.npos) {
        what.remove_prefix(colon + 2);
    }
    for (std::string_view echo : {"; last read", " parsing '"}) {
        if (auto at = what.find(echo); at != what.npos) what = what.substr(0, at);
    }
    return std::string(what);
}

std::string data_field(std::string_view key) { return "data." + std::string(key); }
std::string header_field(std::string_view name) { return "headers." + std::string(name); }

void fail_config(Parts message, Parts field) { throw_error(ErrorKind::config, message, field); }

}  // namespace detail

namespace {

// Configs are read from a JsonDocument, not an ordered_json: the Wasm build links no nlohmann
// DOM, parser or serializer (docs/performance.md, "Wasm size"); config_from_json converts.
using detail::JsonType;
using detail::JsonView;
using detail::equals_ignore_case;
using detail::fail_config;
using detail::Indexed;
using detail::join;
using detail::Parts;
using detail::throw_in_field;

const std::vector<std::string_view> top_level_fields = {
    "method", "url", "contentType", "data", "body", "headers", "missing", "signing", "retry", "linkedData"};
const std::vector<std::string_view> data_members = {"key", "value", "type"};
const std::vector<std::string_view> header_members = {"name", "value"};
const std::vector<std::string_view> signing_members = {"scheme", "secret", "id"};
const std::vector<std::string_view> linked_data_members = {"name", "url", "method", "headers"};
const std::vector<std::string_view> methods = {"POST", "PUT", "PATCH", "DELETE", "GET"};

const char* json_type_name(const JsonView& value) {
    switch (value.type()) {
        case JsonType::null: return "null";
        case JsonType::boolean: return "a boolean";
        case JsonType::string: return "a string";
        case JsonType::array: return "an array";
        case JsonType::object: return "an object";
        case JsonType::binary: return "binary data";
        case JsonType::discarded: return "nothing";
        default: return "a number";
    }
}

[[noreturn]] void fail_not_string(const JsonView& value, Parts field, const char* what) {
    const std::string path = join(field);
    fail_config({path, " must be ", what, ", not ", json_type_name(value)}, {path});
}

// `field` is only joined when the value is not a string.
const std::string& expect_string(const JsonView& value, Parts field, const char* what) {
    if (!value.is_string()) fail_not_string(value, field, what);
    return value.string();
}

[[noreturn]] void fail_unknown_member(const std::string& name, Parts where, Parts prefix,
                                      const std::vector<std::string_view>& known) {
    fail_config({detail::unknown_field_message(name, join(where), known)}, {join(prefix), name});
}

// `where` names the object in the message ("data[2]"), `prefix` starts the member's field path
// ("data[2].").
void reject_unknown_members(const JsonView& object, Parts where, Parts prefix,
                            const std::vector<std::string_view>& known) {
    // Of several unknown members, the first in key order is reported (as when configs were
    // parsed into a std::map), whatever their order in the text.
    const std::string* unknown = nullptr;
    for (std::size_t i = 0; i < object.size(); ++i) {
        const std::string& name = object[i].key();
        if (std::find(known.begin(), known.end(), std::string_view(name)) == known.end() &&
            (!unknown || name < *unknown)) {
            unknown = &name;
        }
    }
    if (unknown) fail_unknown_member(*unknown, where, prefix, known);
}

std::vector<DataField> parse_data(const JsonView& value) {
    if (!value.is_array()) {
        fail_config({"data must be a list of {\"key\", \"value\"} pairs, not ", json_type_name(value)}, {"data"});
    }
    std::vector<DataField> data;
    data.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const JsonView entry = value[i];
        const Indexed at{"data", i};
        if (!entry.is_object()) {
            fail_config({at, " must be an object {\"key\": …, \"value\": …}, not ", json_type_name(entry)}, {at});
        }
        reject_unknown_members(entry, {at}, {at, "."}, data_members);
        DataField field;
        auto key = entry.find("key");
        if (!key) fail_config({at, " has no key"}, {at, ".key"});
        field.key = expect_string(*key, {at, ".key"}, "a string");
        auto text = entry.find("value");
        if (!text) fail_config({at, " has no value (a template)"}, {at, ".value"});
        field.value = expect_string(*text, {at, ".value"}, "a string (a template)");
        auto type = entry.find("type");
        if (type) {
            const std::string& name = expect_string(*type, {at, ".type"}, "a string");
            auto parsed = detail::parse_value_type(name);
            if (!parsed) {
                fail_config({at, ".type '", name, "' is not one of string, number, boolean, json"}, {at, ".type"});
            }
            field.type = *parsed;
        }
        data.push_back(std::move(field));
    }
    return data;
}

std::vector<HeaderField> parse_headers(const JsonView& value) {
    if (!value.is_array()) {
        fail_config({"headers must be a list of {\"name\", \"value\"} pairs, not ", json_type_name(value)},
                    {"headers"});
    }
    std::vector<HeaderField> headers;
    headers.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const JsonView entry = value[i];
        const Indexed at{"headers", i};
        if (!entry.is_object()) {
            fail_config({at, " must be an object {\"name\": …, \"value\": …}, not ", json_type_name(entry)}, {at});
        }
        reject_unknown_members(entry, {at}, {at, "."}, header_members);
        HeaderField header;
        auto name = entry.find("name");
        if (!name) fail_config({at, " has no name"}, {at, ".name"});
        header.name = expect_string(*name, {at, ".name"}, "a string");
        auto text = entry.find("value");
        if (!text) fail_config({at, " has no value (a template)"}, {"headers.", header.name});
        header.value = expect_string(*text, {"headers.", header.name}, "a string (a template)");
        headers.push_back(std::move(header));
    }
    return headers;
}

std::vector<LinkedDataSource> parse_linked_data(const JsonView& value) {
    if (!value.is_array()) {
        fail_config({"linkedData must be a list of {\"name\", \"url\"} sources, not ", json_type_name(value)},
                    {"linkedData"});
    }
#if HOOKSMITH_LITE
    if (value.size() == 0) return {};  // no sources: nothing left out
    Error error(ErrorKind::unavailable,
                "linkedData is not in this build: the page's lite core leaves Linked Data out; the full core has it");
    error.field = "linkedData";
    throw error;
#else
    std::vector<LinkedDataSource> sources;
    sources.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const JsonView entry = value[i];
        const Indexed at{"linkedData", i};
        if (!entry.is_object()) {
            fail_config({at, " must be an object {\"name\": …, \"url\": …}, not ", json_type_name(entry)}, {at});
        }
        reject_unknown_members(entry, {at}, {at, "."}, linked_data_members);
        LinkedDataSource source;
        auto name = entry.find("name");
        if (!name) fail_config({at, " has no name"}, {at, ".name"});
        source.name = expect_string(*name, {at, ".name"}, "a string");
        auto url = entry.find("url");
        if (!url) fail_config({at, " has no url (a literal URL with \"{}\" for the parameter)"}, {at, ".url"});
        source.url = expect_string(*url, {at, ".url"}, "a string (a literal URL)");
        if (auto method = entry.find("method"); method) {
            source.method = expect_string(*method, {at, ".method"}, "a string");
        }
        if (auto headers = entry.find("headers"); headers) {
            try {
                source.headers = parse_headers(*headers);
            } catch (const Error& error) {
                throw_in_field(error, {at, ".", error.field});
            }
        }
        sources.push_back(std::move(source));
    }
    return sources;
#endif
}

SigningConfig parse_signing(const JsonView& value) {
    if (!value.is_object()) {
        fail_config({"signing must be an object {\"scheme\", \"secret\", \"id\"}, not ", json_type_name(value)},
                    {"signing"});
    }
    reject_unknown_members(value, {"signing"}, {"signing."}, signing_members);
    SigningConfig signing;
    if (auto scheme = value.find("scheme"); scheme) {
        signing.scheme = expect_string(*scheme, {"signing.scheme"}, "a string");
    }
    auto secret = value.find("secret");
    if (!secret) fail_config({"signing needs a secret (\"whsec_\" + base64)"}, {"signing.secret"});
    signing.secret = expect_string(*secret, {"signing.secret"}, "a string");
    if (auto id = value.find("id"); id) {
        signing.id = expect_string(*id, {"signing.id"}, "a string (a template)");
    }
    return signing;
}

MissingPolicy parse_missing(const std::string& name) {
    if (name == "suppress") return MissingPolicy::suppress;
    if (name == "jinja") return MissingPolicy::jinja;
    fail_config({"missing must be \"suppress\" or \"jinja\", not '", name, "'"}, {"missing"});
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
            fail_config({"contentType must be application/json or application/x-www-form-urlencoded with "
                         "data (any type is allowed with a raw body)"}, {"contentType"});
        }
        return;
    }
    const bool padded = !type.empty() && (type.front() == ' ' || type.back() == ' ');
    if (type.empty() || padded || !is_printable_ascii(type)) {
        fail_config({"contentType must be a non-empty header value of printable ASCII without surrounding "
                     "spaces"}, {"contentType"});
    }
}

void validate_data(const WebhookConfig& config) {
    for (std::size_t i = 0; i < config.data.size(); ++i) {
        const std::string& key = config.data[i].key;
        const Indexed at{"data", i};
        if (key.empty()) fail_config({at, ".key is empty; keys must be non-empty"}, {at, ".key"});
        if (!detail::is_valid_utf8(key)) fail_config({at, ".key is not valid UTF-8"}, {at, ".key"});
        for (std::size_t j = 0; j < i; ++j) {
            if (config.data[j].key == key) {
                fail_config({"the data key '", key, "' is given twice (", Indexed{"data", j}, " and ", at, ")"},
                            {"data.", key});
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
            const Indexed at{"headers", i};
            fail_config({at, ".name is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"},
                        {at, ".name"});
        }
        if (equals_ignore_case(name, "Content-Type")) {
            fail_config({"Content-Type cannot be set as a header: use contentType"}, {"headers.", name});
        }
        if (detail::is_forbidden_request_header(name)) {
            fail_config({"the header ", name, " is forbidden in browsers (fetch drops it silently), so it "
                         "cannot be configured"}, {"headers.", name});
        }
        if (config.signing) {
            for (std::string_view reserved : signing_headers) {
                if (equals_ignore_case(name, reserved)) {
                    fail_config({"the header ", name, " is set by signing"}, {"headers.", name});
                }
            }
        }
        if (!detail::is_valid_utf8(config.headers[i].value)) {
            fail_config({"the header value template is not valid UTF-8"}, {"headers.", name});
        }
        for (std::size_t j = 0; j < i; ++j) {
            if (equals_ignore_case(config.headers[j].name, name)) {
                fail_config({"the header ", name, " is given twice (names are case-insensitive)"},
                            {"headers.", name});
            }
        }
    }
}

void validate_signing(const WebhookConfig& config) {
    if (!config.signing) return;
    if (config.signing->scheme != "standard-webhooks") {
        fail_config({"signing.scheme must be \"standard-webhooks\""}, {"signing.scheme"});
    }
    (void)detail::parse_signing_secret(config.signing->secret);  // throws, field signing.secret
}

// nlohmann reports "… at line 1, column 5: <what>; last read: '<input>'". The echoed input may
// be a secret, so only <what> is kept; the position is recomputed in code points.
Error input_error(std::string_view text, const nlohmann::detail::exception& failure, std::size_t byte) {
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

}  // namespace

void validate_config(WebhookConfig& config) {
    std::string upper = config.method;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    if (std::find(methods.begin(), methods.end(), std::string_view(upper)) == methods.end()) {
        fail_config({"method must be one of POST, PUT, PATCH, DELETE, GET (any case)"}, {"method"});
    }
    config.method = upper;
    if (config.url.empty()) fail_config({"url is required (a template)"}, {"url"});
    if (!detail::is_valid_utf8(config.url)) fail_config({"url is not valid UTF-8"}, {"url"});
    if (config.body && !config.data.empty()) fail_config({"give either body or data, not both"}, {"body"});
    if (config.body && config.method == "GET") {
        fail_config({"a GET request cannot have a body (data goes into the query string)"}, {"body"});
    }
    if (config.body && !detail::is_valid_utf8(*config.body)) fail_config({"body is not valid UTF-8"}, {"body"});
    validate_content_type(config);
    validate_data(config);
    validate_headers(config);
    validate_signing(config);
#if !HOOKSMITH_LITE
    detail::validate_linked_data(config.linked_data);
#endif
}

namespace detail {

WebhookConfig config_from_view(const JsonView& value) {
    if (!value.is_object()) {
        fail_config({"a webhook config must be a JSON object, not ", json_type_name(value)}, {});
    }
    reject_unknown_members(value, {"the config"}, {}, top_level_fields);
    WebhookConfig config;
    if (auto method = value.find("method"); method) {
        config.method = expect_string(*method, {"method"}, "a string");
    }
    auto url = value.find("url");
    if (!url) fail_config({"url is required (a template)"}, {"url"});
    config.url = expect_string(*url, {"url"}, "a string (a template)");
    if (auto type = value.find("contentType"); type) {
        config.content_type = expect_string(*type, {"contentType"}, "a string");
    }
    auto data = value.find("data");
    auto body = value.find("body");
    if (data && body) fail_config({"give either body or data, not both"}, {"body"});
    if (data) config.data = parse_data(*data);
    if (body) config.body = expect_string(*body, {"body"}, "a string (a template)");
    if (auto headers = value.find("headers"); headers) {
        config.headers = parse_headers(*headers);
    }
    if (auto missing = value.find("missing"); missing) {
        config.missing = parse_missing(expect_string(*missing, {"missing"}, "a string"));
    }
    if (auto signing = value.find("signing"); signing) {
        config.signing = parse_signing(*signing);
    }
    if (auto retry = value.find("retry"); retry) {
        try {
            config.retry = retry_policy_from_view(*retry);
        } catch (const Error& error) {
            if (error.field.rfind("retry", 0) == 0) throw;
            if (error.field.empty()) throw_in_field(error, {"retry"});
            throw_in_field(error, {"retry.", error.field});
        }
    }
    if (auto linked = value.find("linkedData"); linked) {
        config.linked_data = parse_linked_data(*linked);
    }
    validate_config(config);
    return config;
}

}  // namespace detail

// JSON.parse keeps the last of duplicate keys silently; in a config that hides a typo, so the
// parser rejects a repeated key, naming its path, when it reads it.
WebhookConfig parse_config(std::string_view json_text) {
    detail::JsonDocument document;
    try {
        document = detail::JsonDocument::parse(json_text, true);
    } catch (const nlohmann::detail::parse_error& failure) {
        throw input_error(json_text, failure, failure.byte ? failure.byte : 1);
    } catch (const nlohmann::detail::out_of_range& failure) {  // a number beyond a double: 1e400
        throw input_error(json_text, failure, 0);
    }
    return detail::config_from_view(JsonView(document, document.root()));
}

namespace {

void add_headers(detail::JsonDocument& out, std::size_t parent, const std::vector<HeaderField>& headers, bool reveal) {
    const std::size_t list = out.add(parent, JsonType::array, "headers");
    for (const HeaderField& header : headers) {
        const bool secret = equals_ignore_case(header.name, "Authorization");
        const std::size_t entry = out.add(list, JsonType::object);
        out.add_string(entry, "name", header.name);
        out.add_string(entry, "value", secret && !reveal ? std::string("****") : header.value);
    }
}

}  // namespace

// Members in the order ordered_json's operator[] gave them; dump() is ordered_json's.
std::string config_to_json_text(const WebhookConfig& config, bool reveal, int indent) {
    detail::JsonDocument out;
    const std::size_t root = out.add(detail::JsonDocument::none, JsonType::object);
    out.add_string(root, "method", config.method);
    out.add_string(root, "url", reveal ? config.url : detail::mask_url_password(config.url));
    out.add_string(root, "contentType", config.content_type);
    if (config.body) {
        out.add_string(root, "body", *config.body);
    } else {
        const std::size_t data = out.add(root, JsonType::array, "data");
        for (const DataField& field : config.data) {
            const std::size_t entry = out.add(data, JsonType::object);
            out.add_string(entry, "key", field.key);
            out.add_string(entry, "value", field.value);
            if (field.type != ValueType::string) out.add_string(entry, "type", to_string(field.type));
        }
    }
    add_headers(out, root, config.headers, reveal);
    out.add_string(root, "missing", config.missing == MissingPolicy::suppress ? "suppress" : "jinja");
    if (config.signing) {
        const std::size_t signing = out.add(root, JsonType::object, "signing");
        out.add_string(signing, "scheme", config.signing->scheme);
        out.add_string(signing, "secret", reveal ? config.signing->secret : std::string("whsec_****"));
        if (config.signing->id) out.add_string(signing, "id", *config.signing->id);
    }
    if (config.retry) detail::add_retry_policy(out, root, "retry", *config.retry);
#if !HOOKSMITH_LITE
    if (!config.linked_data.empty()) {
        const std::size_t sources = out.add(root, JsonType::array, "linkedData");
        for (const LinkedDataSource& source : config.linked_data) {
            const std::size_t entry = out.add(sources, JsonType::object);
            out.add_string(entry, "name", source.name);
            out.add_string(entry, "url", source.url);
            out.add_string(entry, "method", source.method);
            add_headers(out, entry, source.headers, reveal);
        }
    }
#endif
    return out.dump(indent);
}

}  // namespace hooksmith
