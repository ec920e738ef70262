// The wire encoders (core/src/webhook/encode.hpp), checked against nlohmann/json as the oracle.
// Properties: is_valid_utf8 agrees with nlohmann's strict dump; append_json_string is byte-equal
// to nlohmann::json::dump() and parses back to the input; form components decode back to the
// input and use only the WHATWG literal set; form_serialize joins components with '=' and '&'.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "webhook/encode.hpp"

using namespace hooksmith;

namespace {

bool nlohmann_accepts_utf8(const std::string& text) {
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;  // lower-case hex is not what the serializer writes
}

std::string form_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%') {
            FUZZ_CHECK(i + 2 < text.size());
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            FUZZ_CHECK(high >= 0 && low >= 0);
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            const bool literal = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                 (c >= '0' && c <= '9') || c == '*' || c == '-' || c == '.' ||
                                 c == '_';
            FUZZ_CHECK(literal);
            out += c;
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    const bool valid = detail::is_valid_utf8(text);
    FUZZ_CHECK(valid == nlohmann_accepts_utf8(text));
    if (valid) {
        std::string quoted = "prefix:";
        detail::append_json_string(quoted, text);
        FUZZ_CHECK(quoted.substr(7) == nlohmann::json(text).dump());
        FUZZ_CHECK(nlohmann::json::parse(quoted.substr(7)).get<std::string>() == text);
    }

    std::string component;
    detail::append_form_component(component, text);
    FUZZ_CHECK(form_decode(component) == text);

    // Pairs: the input split at NUL bytes, alternately key and value.
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t at = text.find('\0'); at != std::string::npos; at = text.find('\0', start)) {
        pieces.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    pieces.push_back(text.substr(start));
    for (std::size_t i = 0; i + 1 < pieces.size(); i += 2) pairs.emplace_back(pieces[i], pieces[i + 1]);

    std::string expected;
    for (const auto& pair : pairs) {
        if (&pair != &pairs.front()) expected += '&';
        detail::append_form_component(expected, pair.first);
        expected += '=';
        detail::append_form_component(expected, pair.second);
    }
    FUZZ_CHECK(detail::form_serialize(pairs) == expected);
    return 0;
}
