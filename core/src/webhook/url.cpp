// The WHATWG URL Standard's basic URL parser, reduced to what an absolute http(s) URL needs.
// It follows the spec's states (scheme, authority, host, port, path, query, fragment) in order,
// without a base URL and without state overrides, so it is a few straight-line passes.
#include "webhook/url.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

#include "crypto/base64.hpp"
#include "hooksmith/error.hpp"
#include "template/message.hpp"

namespace hooksmith::detail {
namespace {

constexpr std::size_t max_quoted_length = 256;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_hex(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(char c) {
    if (is_ascii_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
}
char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}
bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// Quotes the input for an error message: password masked, control bytes visible, length capped
// (a rendered URL can be arbitrarily long).
std::string quote_for_message(std::string_view input) {
    std::string masked = mask_url_password(input);
    std::string out = "\"";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < masked.size(); ++i) {
        auto byte = static_cast<unsigned char>(masked[i]);
        if (shown >= max_quoted_length && (byte & 0xC0) != 0x80) {
            out += "…";
            break;
        }
        if (byte < 0x20 || byte == 0x7F) {
            static const char digits[] = "0123456789ABCDEF";
            out += "\\x";
            out += digits[byte >> 4];
            out += digits[byte & 0xF];
        } else {
            out += masked[i];
        }
        ++shown;
    }
    return out + "\"";
}

[[noreturn]] void fail(std::string_view input, Parts reason) {
    throw_error(ErrorKind::config, {"URL ", quote_for_message(input), " ", join(reason)}, {"url"});
}

// --- UTF-8 and percent-encoding -----------------------------------------------------------------

// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is not valid (overlong,
// surrogate, beyond U+10FFFF, truncated).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = at(i);
    if (lead < 0x80) return 1;
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (length == 0 || lead > 0xF4 || i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    unsigned char second = at(i + 1);
    if (lead == 0xE0 && second < 0xA0) return 0;  // overlong
    if (lead == 0xED && second > 0x9F) return 0;  // surrogate
    if (lead == 0xF0 && second < 0x90) return 0;  // overlong
    if (lead == 0xF4 && second > 0x8F) return 0;  // beyond U+10FFFF
    return length;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = utf8_sequence_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

// The spec's percent-encode sets, as predicates over one byte of UTF-8. Every byte of a
// non-ASCII code point is above U+007E, so encoding byte by byte equals encoding code points.
enum class EncodeSet { fragment, query, special_query, path, userinfo };

constexpr bool in_encode_set_by_rule(unsigned char byte, EncodeSet set) {
    if (byte < 0x20 || byte > 0x7E) return true;  // C0 control percent-encode set
    char c = static_cast<char>(byte);
    if (set == EncodeSet::fragment) return c == ' ' || c == '"' || c == '<' || c == '>' || c == '`';
    bool query = c == ' ' || c == '"' || c == '#' || c == '<' || c == '>';
    if (set == EncodeSet::query) return query;
    if (set == EncodeSet::special_query) return query || c == '\'';
    // hooksmith adds '|' (and the current standard's '^'): browsers disagree on them in paths,
    // so encoding them makes every browser send the previewed bytes (spec §3.1).
    bool path = query || c == '?' || c == '^' || c == '`' || c == '{' || c == '}' || c == '|';
    if (set == EncodeSet::path) return path;
    return path || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' || c == '[' ||
           c == '\\' || c == ']';
}

// The rule above as a table (a bit per set), read once per byte of every rendered URL.
constexpr auto encode_set_table = [] {
    std::array<std::uint8_t, 256> table{};
    for (int byte = 0; byte < 256; ++byte)
        for (int set = 0; set <= static_cast<int>(EncodeSet::userinfo); ++set)
            if (in_encode_set_by_rule(static_cast<unsigned char>(byte), static_cast<EncodeSet>(set)))
                table[static_cast<std::size_t>(byte)] |= static_cast<std::uint8_t>(1u << set);
    return table;
}();

bool in_encode_set(unsigned char byte, EncodeSet set) {
    return (encode_set_table[byte] >> static_cast<int>(set)) & 1u;
}

void append_percent_encoded(std::string& out, char c, EncodeSet set) {
    auto byte = static_cast<unsigned char>(c);
    if (!in_encode_set(byte, set)) {
        out += c;
        return;
    }
    static const char digits[] = "0123456789ABCDEF";
    out += '%';
    out += digits[byte >> 4];
    out += digits[byte & 0xF];
}

// --- Host: IPv6 ---------------------------------------------------------------------------------

using Ipv6 = std::array<std::uint16_t, 8>;

std::optional<Ipv6> parse_ipv6(std::string_view input) {
    Ipv6 address{};
    int piece_index = 0;
    std::optional<int> compress;
    std::size_t pointer = 0;
    auto at = [&](std::size_t k) { return k < input.size() ? input[k] : '\0'; };
    auto at_end = [&] { return pointer >= input.size(); };

    if (at(pointer) == ':') {
        if (at(pointer + 1) != ':') return std::nullopt;
        pointer += 2;
        compress = ++piece_index;
    }
    while (!at_end()) {
        if (piece_index == 8) return std::nullopt;
        if (at(pointer) == ':') {
            if (compress) return std::nullopt;
            ++pointer;
            compress = ++piece_index;
            continue;
        }
        unsigned value = 0;
        int length = 0;
        while (length < 4 && !at_end() && is_ascii_hex(at(pointer))) {
            value = value * 16 + static_cast<unsigned>(hex_value(at(pointer)));
            ++pointer;
            ++length;
        }
        if (!at_end() && at(pointer) == '.') {
            if (length == 0) return std::nullopt;
            pointer -= static_cast<std::size_t>(length);
            if (piece_index > 6) return std::nullopt;
            int numbers_seen = 0;
            while (!at_end()) {
                if (numbers_seen > 0) {
                    if (at(pointer) == '.' && numbers_seen < 4) ++pointer;
                    else return std::nullopt;
                }
                if (!is_ascii_digit(at(pointer))) return std::nullopt;
                int ipv4_piece = -1;
                while (!at_end() && is_ascii_digit(at(pointer))) {
                    int number = at(pointer) - '0';
                    if (ipv4_piece == -1) ipv4_piece = number;
                    else if (ipv4_piece == 0) return std::nullopt;  // leading zero
                    else ipv4_piece = ipv4_piece * 10 + number;
                    if (ipv4_piece > 255) return std::nullopt;
                    ++pointer;
                }
                address[piece_index] =
                    static_cast<std::uint16_t>(address[piece_index] * 0x100 + ipv4_piece);
                ++numbers_seen;
                if (numbers_seen == 2 || numbers_seen == 4) ++piece_index;
            }
            if (numbers_seen != 4) return std::nullopt;
            break;
        }
        if (!at_end() && at(pointer) == ':') {
            ++pointer;
            if (at_end()) return std::nullopt;
        } else if (!at_end()) {
            return std::nullopt;
        }
        address[piece_index] = static_cast<std::uint16_t>(value);
        ++piece_index;
    }
    if (compress) {
        int swaps = piece_index - *compress;
        piece_index = 7;
        while (piece_index != 0 && swaps > 0) {
            std::swap(address[piece_index], address[*compress + swaps - 1]);
            --piece_index;
            --swaps;
        }
    } else if (piece_index != 8) {
        return std::nullopt;
    }
    return address;
}

std::string serialize_ipv6(const Ipv6& address) {
    // Compress the first longest run of two or more zero pieces.
    int compress = -1, best_length = 1;
    for (int i = 0; i < 8;) {
        if (address[i] != 0) {
            ++i;
            continue;
        }
        int start = i;
        while (i < 8 && address[i] == 0) ++i;
        if (i - start > best_length) {
            best_length = i - start;
            compress = start;
        }
    }
    static const char digits[] = "0123456789abcdef";
    std::string out = "[";
    bool ignore_zero = false;
    for (int i = 0; i < 8; ++i) {
        if (ignore_zero && address[i] == 0) continue;
        ignore_zero = false;
        if (compress == i) {
            out += i == 0 ? "::" : ":";
            ignore_zero = true;
            continue;
        }
        std::string piece;
        unsigned value = address[i];
        do {
            piece.insert(piece.begin(), digits[value & 0xF]);
            value >>= 4;
        } while (value != 0);
        out += piece;
        if (i != 7) out += ':';
    }
    return out + "]";
}

// --- Host: IPv4 ---------------------------------------------------------------------------------

// The spec's IPv4 number parser: decimal, 0x-hex or 0-octal; values saturate above 2^32 so that
// long inputs cannot overflow (anything above 2^32 - 1 fails later anyway).
std::optional<std::uint64_t> parse_ipv4_number(std::string_view input) {
    if (input.empty()) return std::nullopt;
    unsigned radix = 10;
    if (input.size() >= 2 && input[0] == '0' && (input[1] == 'x' || input[1] == 'X')) {
        radix = 16;
        input.remove_prefix(2);
    } else if (input.size() >= 2 && input[0] == '0') {
        radix = 8;
        input.remove_prefix(1);
    }
    std::uint64_t value = 0;
    constexpr std::uint64_t saturated = std::uint64_t{1} << 33;
    for (char c : input) {
        unsigned digit;
        if (radix == 16 && is_ascii_hex(c)) digit = static_cast<unsigned>(hex_value(c));
        else if (is_ascii_digit(c) && static_cast<unsigned>(c - '0') < radix) digit = static_cast<unsigned>(c - '0');
        else return std::nullopt;
        value = std::min(saturated, value * radix + digit);
    }
    return value;
}

std::vector<std::string_view> split_on_dots(std::string_view input) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        std::size_t dot = input.find('.', start);
        if (dot == std::string_view::npos) {
            parts.push_back(input.substr(start));
            return parts;
        }
        parts.push_back(input.substr(start, dot - start));
        start = dot + 1;
    }
}

bool ends_in_a_number(std::string_view domain) {
    std::vector<std::string_view> parts = split_on_dots(domain);
    if (parts.back().empty()) {
        if (parts.size() == 1) return false;
        parts.pop_back();
    }
    std::string_view last = parts.back();
    if (!last.empty() && std::all_of(last.begin(), last.end(), is_ascii_digit)) return true;
    return parse_ipv4_number(last).has_value();
}

std::optional<std::string> parse_ipv4(std::string_view domain) {
    std::vector<std::string_view> parts = split_on_dots(domain);
    if (parts.back().empty() && parts.size() > 1) parts.pop_back();
    if (parts.size() > 4) return std::nullopt;
    std::vector<std::uint64_t> numbers;
    for (std::string_view part : parts) {
        auto number = parse_ipv4_number(part);
        if (!number) return std::nullopt;
        numbers.push_back(*number);
    }
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i)
        if (numbers[i] > 255) return std::nullopt;
    std::uint64_t limit = std::uint64_t{1} << (8 * (5 - numbers.size()));
    if (numbers.back() >= limit) return std::nullopt;
    std::uint64_t address = numbers.back();
    for (std::size_t i = 0; i + 1 < numbers.size(); ++i) address += numbers[i] << (8 * (3 - i));
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        if (!out.empty()) out += '.';
        out += std::to_string((address >> shift) & 0xFF);
    }
    return out;
}

// --- Host: domains ------------------------------------------------------------------------------

// RFC 3492 decoding, only to tell whether an `xn--` label is well-formed (UTS #46 rejects labels
// that do not decode). Returns the decoded code points.
std::optional<std::vector<std::uint32_t>> punycode_decode(std::string_view input) {
    constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
    std::vector<std::uint32_t> output;
    std::size_t basic_end = input.rfind('-');
    if (basic_end == std::string_view::npos) basic_end = 0;
    for (std::size_t i = 0; i < basic_end; ++i) output.push_back(static_cast<unsigned char>(input[i]));
    std::uint32_t n = 128, bias = 72;
    std::uint64_t i = 0;
    for (std::size_t in = basic_end > 0 ? basic_end + 1 : 0; in < input.size();) {
        std::uint64_t old_i = i, w = 1;
        for (std::uint32_t k = base;; k += base) {
            if (in >= input.size()) return std::nullopt;
            char c = input[in++];
            std::uint32_t digit;
            if (is_ascii_digit(c)) digit = static_cast<std::uint32_t>(c - '0') + 26;
            else if (c >= 'a' && c <= 'z') digit = static_cast<std::uint32_t>(c - 'a');
            else if (c >= 'A' && c <= 'Z') digit = static_cast<std::uint32_t>(c - 'A');
            else return std::nullopt;
            i += digit * w;
            if (i > 0x7FFFFFFF) return std::nullopt;
            std::uint32_t t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
            if (digit < t) break;
            w *= base - t;
            if (w > 0x7FFFFFFF) return std::nullopt;
        }
        std::uint64_t length = output.size() + 1;
        std::uint64_t delta = old_i == 0 ? (i - old_i) / damp : (i - old_i) / 2;
        delta += delta / length;
        std::uint32_t k = 0;
        while (delta > ((base - tmin) * tmax) / 2) {
            delta /= base - tmin;
            k += base;
        }
        bias = static_cast<std::uint32_t>(k + (base * delta) / (delta + skew));
        std::uint64_t next = n + i / length;
        if (next > 0x10FFFF) return std::nullopt;
        n = static_cast<std::uint32_t>(next);
        i %= length;
        output.insert(output.begin() + static_cast<std::ptrdiff_t>(i), n);
        ++i;
    }
    return output;
}

// Code points that can never appear in a valid IDNA label, whatever the Unicode version: controls,
// surrogates, private use, noncharacters, specials, unassigned planes, tags, and what UTS #46 maps
// away (upper-case letters, soft hyphen, zero-width space, variation selectors). Full IDNA
// validity tables (unassigned code points, NFC, joiners, bidi) are out of scope: see docs/url.md.
bool is_never_valid_in_idna(std::uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
    if (cp >= 'A' && cp <= 'Z') return true;
    if (cp == 0xAD || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)) return true;
    if (cp >= 0xD800 && cp <= 0xF8FF) return true;  // surrogates, private use
    if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
    if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFFF0 && cp <= 0xFFFF)) return true;
    return cp >= 0x40000;  // planes 4-13 unassigned; 14 tags/selectors; 15-16 private use
}

bool is_acceptable_punycode_label(std::string_view label) {
    auto decoded = punycode_decode(label);
    if (!decoded || decoded->empty()) return false;
    if (decoded->front() >= 0x300 && decoded->front() <= 0x36F) return false;  // leading combining mark
    return std::none_of(decoded->begin(), decoded->end(), is_never_valid_in_idna);
}

bool is_forbidden_domain_byte(unsigned char byte) {
    if (byte <= 0x20 || byte == 0x25 || byte == 0x7F) return true;
    switch (byte) {
        case '#': case '/': case ':': case '<': case '>': case '?': case '@':
        case '[': case '\\': case ']': case '^': case '|':
            return true;
        default:
            return false;
    }
}

std::string parse_host(std::string_view input, std::string_view whole) {
    if (input.empty()) fail(whole, {"has an empty host"});
    if (input.front() == '[') {
        if (input.back() != ']' || input.size() < 2)
            fail(whole, {"has an unclosed IPv6 address (missing ']')"});
        auto address = parse_ipv6(input.substr(1, input.size() - 2));
        if (!address) fail(whole, {"has an invalid IPv6 address"});
        return serialize_ipv6(*address);
    }
    std::string decoded = percent_decode(input);
    if (std::any_of(decoded.begin(), decoded.end(),
                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        if (first_invalid_utf8(decoded))
            fail(whole, {"has a host that is not valid UTF-8 after percent-decoding"});
        fail(whole, {"has a non-ASCII host: write it in its punycode form (xn--…), as a browser "
                    "would send it"});
    }
    std::string domain = ascii_lowercase(decoded);
    for (char c : domain)
        if (is_forbidden_domain_byte(static_cast<unsigned char>(c))) {
            const bool named = c == ' ' || c < 0x20 || c == 0x7F;  // else shown quoted: 'c'
            fail(whole, {"has a host containing ", c == ' ' ? "a space" : named ? "a control character" : "'",
                         named ? Piece("") : Piece(c), named ? "" : "'", ", which is not allowed in a host name"});
        }
    for (std::string_view label : split_on_dots(domain))
        if (label.size() >= 4 && label.substr(0, 4) == "xn--" && !is_acceptable_punycode_label(label.substr(4)))
            fail(whole, {"has an invalid punycode label '", label, "' in its host"});
    if (ends_in_a_number(domain)) {
        auto ipv4 = parse_ipv4(domain);
        if (!ipv4) fail(whole, {"has a host that ends in a number but is not a valid IPv4 address"});
        return *ipv4;
    }
    return domain;
}

// --- Path ---------------------------------------------------------------------------------------

bool is_single_dot_segment(std::string_view segment) {
    return segment == "." || equals_ignoring_case(segment, "%2e");
}

bool is_double_dot_segment(std::string_view segment) {
    return segment == ".." || equals_ignoring_case(segment, ".%2e") ||
           equals_ignoring_case(segment, "%2e.") || equals_ignoring_case(segment, "%2e%2e");
}

// The path state, from just after the host to the first '?' or '#'. `rest` starts with '/' or
// '\' (already consumed by the path start state) or is empty.
std::string parse_path(std::string_view rest) {
    std::vector<std::string> segments;
    std::string buffer;
    if (!rest.empty()) rest.remove_prefix(1);
    for (std::size_t pointer = 0;; ++pointer) {
        bool at_end = pointer >= rest.size();
        bool slash = !at_end && (rest[pointer] == '/' || rest[pointer] == '\\');
        if (at_end || slash) {
            if (is_double_dot_segment(buffer)) {
                if (!segments.empty()) segments.pop_back();
                if (!slash) segments.emplace_back();
            } else if (is_single_dot_segment(buffer)) {
                if (!slash) segments.emplace_back();
            } else {
                segments.push_back(buffer);
            }
            buffer.clear();
            if (at_end) break;
        } else {
            append_percent_encoded(buffer, rest[pointer], EncodeSet::path);
        }
    }
    std::string path;
    for (const std::string& segment : segments) path += "/" + segment;
    return path;
}

std::string encode_all(std::string_view text, EncodeSet set) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) append_percent_encoded(out, c, set);
    return out;
}

bool is_c0_control_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }

}  // namespace

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && is_ascii_hex(text[i + 1]) && is_ascii_hex(text[i + 2])) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string mask_url_password(std::string_view text) {
    std::string out;
    std::size_t copied = 0;
    for (std::size_t colon = text.find(':'); colon != std::string_view::npos;
         colon = text.find(':', colon + 1)) {
        // A scheme: one ASCII letter, then letters, digits, '+', '-', '.'.
        std::size_t scheme_start = colon;
        while (scheme_start > 0) {
            char c = text[scheme_start - 1];
            if (!(is_ascii_alpha(c) || is_ascii_digit(c) || c == '+' || c == '-' || c == '.')) break;
            --scheme_start;
        }
        while (scheme_start < colon && !is_ascii_alpha(text[scheme_start])) ++scheme_start;
        if (scheme_start == colon || colon < copied) continue;
        std::string scheme = ascii_lowercase(text.substr(scheme_start, colon - scheme_start));
        std::size_t authority = colon + 1;
        while (authority < text.size() && (text[authority] == '/' || text[authority] == '\\' ||
                                           text[authority] == '\t' || text[authority] == '\n' ||
                                           text[authority] == '\r'))
            ++authority;
        std::size_t end = text.find_first_of("/\\?#", authority);
        if (end == std::string_view::npos) end = text.size();
        // Without slashes only http(s) still has an authority (`http:user:pw@host`); otherwise the
        // "scheme" may be a username whose `https://` was forgotten (`user:pw@host`).
        if (authority == colon + 1 && scheme != "http" && scheme != "https") {
            bool starts_word = scheme_start == 0 ||
                               std::string_view(" \t\r\n\"'(<[/").find(text[scheme_start - 1]) != std::string_view::npos;
            if (!starts_word) continue;  // e.g. `?a=b:c@d` inside a query
            std::size_t at = text.substr(authority, end - authority).rfind('@');
            if (at == std::string_view::npos || at == 0) continue;
            std::string_view secret = text.substr(authority, at);
            if (secret.find_first_of(" \t\r\n") != std::string_view::npos) continue;  // prose, not a URL
            out.append(text.substr(copied, authority - copied));
            out += "****";
            copied = authority + at;
            colon = copied;
            continue;
        }
        std::size_t at = text.substr(authority, end - authority).rfind('@');
        if (at == std::string_view::npos) continue;
        at += authority;
        std::size_t password = text.substr(authority, at - authority).find(':');
        if (password == std::string_view::npos) continue;
        password += authority + 1;
        if (password == at) continue;  // empty password: nothing to hide
        out.append(text.substr(copied, password - copied));
        out += "****";
        copied = at;
        colon = at;
    }
    out.append(text.substr(copied));
    return out;
}

ParsedUrl parse_http_url(std::string_view whole) {
    if (auto bad = first_invalid_utf8(whole))
        fail(whole, {"is not valid UTF-8 (byte ", *bad + 1, ")"});

    // Trim C0 controls and spaces, then drop every tab and newline, as the standard does.
    std::string_view trimmed = whole;
    while (!trimmed.empty() && is_c0_control_or_space(trimmed.front())) trimmed.remove_prefix(1);
    while (!trimmed.empty() && is_c0_control_or_space(trimmed.back())) trimmed.remove_suffix(1);
    std::string input;
    input.reserve(trimmed.size());
    for (char c : trimmed)
        if (c != '\t' && c != '\n' && c != '\r') input += c;
    if (input.empty()) fail(whole, {"is empty"});

    ParsedUrl url;
    std::size_t colon = 0;
    if (is_ascii_alpha(input[0])) {
        colon = 1;
        while (colon < input.size() && (is_ascii_alpha(input[colon]) || is_ascii_digit(input[colon]) ||
                                        input[colon] == '+' || input[colon] == '-' || input[colon] == '.'))
            ++colon;
    }
    if (colon == 0 || colon >= input.size() || input[colon] != ':')
        fail(whole, {"is not an absolute URL: it must start with https:// (or http://)"});
    url.scheme = ascii_lowercase(std::string_view(input).substr(0, colon));
    if (url.scheme != "http" && url.scheme != "https")
        fail(whole, {"has the scheme '", url.scheme, ":'; a webhook URL must be https:// (or http://)"});

    // Special schemes ignore any run of slashes and backslashes before the authority.
    std::size_t authority_start = colon + 1;
    while (authority_start < input.size() && (input[authority_start] == '/' || input[authority_start] == '\\'))
        ++authority_start;
    std::size_t authority_end = input.find_first_of("/\\?#", authority_start);
    if (authority_end == std::string::npos) authority_end = input.size();
    std::string_view authority = std::string_view(input).substr(authority_start, authority_end - authority_start);

    // Userinfo ends at the last '@'; its first ':' starts the password.
    std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        std::string_view userinfo = authority.substr(0, at);
        std::size_t split = userinfo.find(':');
        url.username = encode_all(userinfo.substr(0, split), EncodeSet::userinfo);
        if (split != std::string_view::npos)
            url.password = encode_all(userinfo.substr(split + 1), EncodeSet::userinfo);
        authority.remove_prefix(at + 1);
    }

    // The port starts at the first ':' outside brackets.
    std::size_t port_colon = std::string_view::npos;
    bool inside_brackets = false;
    for (std::size_t i = 0; i < authority.size(); ++i) {
        if (authority[i] == '[') inside_brackets = true;
        else if (authority[i] == ']') inside_brackets = false;
        else if (authority[i] == ':' && !inside_brackets) {
            port_colon = i;
            break;
        }
    }
    std::string_view host = authority.substr(0, port_colon);
    if (host.empty()) fail(whole, {"has an empty host"});
    url.host = parse_host(host, whole);
    if (port_colon != std::string_view::npos) {
        std::string_view port = authority.substr(port_colon + 1);
        if (!std::all_of(port.begin(), port.end(), is_ascii_digit))
            fail(whole, {"has an invalid port '", port, "' (digits only)"});
        std::size_t digits = port.find_first_not_of('0');
        std::string_view significant = digits == std::string_view::npos ? std::string_view("0") : port.substr(digits);
        if (!port.empty()) {
            const auto value = [](std::string_view digits) {  // at most 5, checked first
                unsigned long n = 0;
                for (char d : digits) n = n * 10 + static_cast<unsigned long>(d - '0');
                return n;
            };
            if (significant.size() > 5 || value(significant) > 65535)
                fail(whole, {"has the port ", port, ", above 65535"});
            std::string_view default_port = url.scheme == "https" ? "443" : "80";
            if (significant != default_port) url.port = std::string(significant);
        }
    }

    std::string_view rest = std::string_view(input).substr(authority_end);
    std::size_t path_end = rest.find_first_of("?#");
    url.path = parse_path(rest.substr(0, path_end));
    if (path_end != std::string_view::npos && rest[path_end] == '?') {
        std::size_t hash = rest.find('#', path_end);
        url.query = encode_all(rest.substr(path_end + 1, hash == std::string_view::npos ? std::string_view::npos
                                                                                        : hash - path_end - 1),
                               EncodeSet::special_query);
        path_end = hash;
    }
    if (path_end != std::string_view::npos)
        url.fragment = encode_all(rest.substr(path_end + 1), EncodeSet::fragment);
    return url;
}

std::string ParsedUrl::href_for_request() const {
    std::string out = scheme + "://" + host;
    if (!port.empty()) out += ":" + port;
    out += path;
    if (query) out += "?" + *query;
    return out;
}

std::string ParsedUrl::href() const {
    std::string out = scheme + "://";
    if (has_credentials()) {
        out += username;
        if (!password.empty()) out += ":" + password;
        out += "@";
    }
    out += host;
    if (!port.empty()) out += ":" + port;
    out += path;
    if (query) out += "?" + *query;
    if (fragment) out += "#" + *fragment;
    return out;
}

bool ParsedUrl::has_credentials() const { return !username.empty() || !password.empty(); }

std::string basic_authorization(const ParsedUrl& url) {
    if (!url.has_credentials()) return "";
    return "Basic " + crypto::base64_encode(percent_decode(url.username) + ":" + percent_decode(url.password));
}

// --- The render fast path ------------------------------------------------------------------------
// Most rendered webhook URLs are already in the exact form the parser above would serialize:
// checking that is enough (no parse, no copy). Conservative: anything unusual says false.
// One pass and one table lookup per byte: this runs on every render (it was ~800 instructions
// per workload URL with a find() per host label and separate passes).

namespace {

enum : std::uint8_t {
    kHostByte = 1,   // [a-z0-9-]: a host label's bytes
    kPathStop = 2,   // the path percent-encode set (with '?'), '\' (rewritten), '/' (dot segments?)
    kQueryStop = 4,  // the special-query percent-encode set
};

constexpr auto fast_url_bytes = [] {
    std::array<std::uint8_t, 256> table{};
    for (int byte = 0; byte < 256; ++byte) {
        const auto b = static_cast<unsigned char>(byte);
        std::uint8_t bits = 0;
        if ((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-') bits |= kHostByte;
        if (in_encode_set_by_rule(b, EncodeSet::path) || b == '\\' || b == '/') bits |= kPathStop;
        if (in_encode_set_by_rule(b, EncodeSet::special_query)) bits |= kQueryStop;
        table[static_cast<std::size_t>(byte)] = bits;
    }
    return table;
}();

}  // namespace

bool is_canonical_request_url(std::string_view url) {
    std::size_t i;
    // Fixed-size compares (inlined), not compare() (a memcmp call each).
    if (url.size() >= 8 && std::memcmp(url.data(), "https://", 8) == 0) i = 8;
    else if (url.size() >= 7 && std::memcmp(url.data(), "http://", 7) == 0) i = 7;
    else return false;
    const char* const s = url.data();
    const std::size_t n = url.size();
    const auto bits = [&](std::size_t at) { return fast_url_bytes[static_cast<unsigned char>(s[at])]; };

    // A plain host up to the first '/': labels of [a-z0-9-] that start and end with a letter or
    // digit, no punycode, and a last label that cannot be read as a number (the IPv4 parser
    // would take it). Anything else (port, userinfo, IP literal, upper case) goes the slow way.
    const std::size_t host_start = i;
    std::size_t label = i;
    for (;; ++i) {
        if (i == n) return false;  // no path: the parser adds the '/'
        if (bits(i) & kHostByte) continue;
        if (s[i] != '.' && s[i] != '/') return false;
        const std::size_t size = i - label;
        if (size == 0 || size > 63 || s[label] == '-' || s[i - 1] == '-') return false;
        if (size >= 4 && std::string_view(s + label, 4) == "xn--") return false;
        if (s[i] == '/') break;
        label = i + 1;
    }
    if (i - host_start > 253) return false;
    bool numeric = true;
    for (std::size_t k = label; k < i; ++k) numeric = numeric && is_ascii_digit(s[k]);
    if (numeric || (i - label >= 2 && s[label] == '0' && s[label + 1] == 'x')) return false;

    for (; i < n; ++i) {  // the path, up to '?'
        // Four ordinary bytes at a time (one test for the four): most of a path and a query.
        while (i + 4 <= n && !((bits(i) | bits(i + 1) | bits(i + 2) | bits(i + 3)) & kPathStop)) i += 4;
        if (i == n) break;
        if (!(bits(i) & kPathStop)) continue;
        if (s[i] == '?') break;
        if (s[i] != '/') return false;  // encoded by the parser, or '\\' (a separator for http(s))
        // a segment starting with '.' or "%2e" might be a dot segment: let the parser decide
        if (i + 1 < n && s[i + 1] == '.') return false;
        if (i + 3 < n && s[i + 1] == '%' && s[i + 2] == '2' && (s[i + 3] == 'e' || s[i + 3] == 'E')) return false;
    }
    for (++i; i + 4 <= n; i += 4)  // the query, if any
        if ((bits(i) | bits(i + 1) | bits(i + 2) | bits(i + 3)) & kQueryStop) return false;
    for (; i < n; ++i)
        if (bits(i) & kQueryStop) return false;
    return true;
}

}  // namespace hooksmith::detail
