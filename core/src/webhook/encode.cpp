#include "webhook/encode.hpp"

#include <cstdint>

namespace hooksmith::detail {

namespace {

constexpr char upper_hex[] = "0123456789ABCDEF";
constexpr char lower_hex[] = "0123456789abcdef";

bool is_continuation(std::uint8_t byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

bool is_valid_utf8(std::string_view text) {
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const auto lead = std::uint8_t(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // The allowed range of the second byte carries the overlong, surrogate and > U+10FFFF
        // checks (RFC 3629 §4, the "UTF8-2/3/4" rules).
        std::size_t length = 0;
        std::uint8_t second_min = 0x80, second_max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead == 0xE0) {
            length = 3; second_min = 0xA0;
        } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
            length = 3;
        } else if (lead == 0xED) {
            length = 3; second_max = 0x9F;  // U+D800–U+DFFF are surrogates
        } else if (lead == 0xF0) {
            length = 4; second_min = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            length = 4;
        } else if (lead == 0xF4) {
            length = 4; second_max = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;  // stray continuation byte, C0/C1 (always overlong) or F5–FF
        }
        if (size - i < length) return false;
        const auto second = std::uint8_t(text[i + 1]);
        if (second < second_min || second > second_max) return false;
        for (std::size_t k = 2; k < length; ++k) {
            if (!is_continuation(std::uint8_t(text[i + k]))) return false;
        }
        i += length;
    }
    return true;
}

void append_json_string(std::string& out, std::string_view utf8) {
    out.reserve(out.size() + utf8.size() + 2);
    out.push_back('"');
    for (char c : utf8) {
        const auto byte = std::uint8_t(c);
        switch (byte) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (byte < 0x20) {
                    out += "\\u00";
                    out.push_back(lower_hex[byte >> 4]);
                    out.push_back(lower_hex[byte & 15]);
                } else {
                    out.push_back(c);  // '/', DEL and UTF-8 sequences stay raw, as dump() does
                }
        }
    }
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
