#include "webhook/encode.hpp"

#include "template/utf8.hpp"

#include <cstdint>

namespace hooksmith::detail {

namespace {

constexpr char upper_hex[] = "0123456789ABCDEF";
constexpr char lower_hex[] = "0123456789abcdef";


}  // namespace

bool is_valid_utf8(std::string_view text) { return utf8::valid(text); }

void append_json_string(std::string& out, std::string_view utf8) {
    out.reserve(out.size() + utf8.size() + 2);
    out.push_back('"');
    // Runs of bytes that need no escape are copied whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = std::uint8_t(utf8[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\') continue;  // '/', DEL and UTF-8 stay raw, as dump() does
        out.append(utf8.data() + run, i - run);
        run = i + 1;
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out.push_back(lower_hex[byte >> 4]);
                out.push_back(lower_hex[byte & 15]);
        }
    }
    out.append(utf8.data() + run, utf8.size() - run);
    out.push_back('"');
}

void append_form_component(std::string& out, std::string_view text) {
    out.reserve(out.size() + text.size());
    for (char c : text) {
        const auto byte = std::uint8_t(c);
        const bool literal = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                             (byte >= '0' && byte <= '9') || byte == '*' || byte == '-' ||
                             byte == '.' || byte == '_';
        if (literal) {
            out.push_back(c);
        } else if (byte == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(upper_hex[byte >> 4]);
            out.push_back(upper_hex[byte & 15]);
        }
    }
}

std::string form_serialize(const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::string out;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (i > 0) out.push_back('&');
        append_form_component(out, pairs[i].first);
        out.push_back('=');
        append_form_component(out, pairs[i].second);
    }
    return out;
}

}  // namespace hooksmith::detail
