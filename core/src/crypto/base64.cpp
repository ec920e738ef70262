#include "crypto/base64.hpp"

#include <cstdint>

namespace hooksmith::crypto {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The 6-bit value of a base64 character, or -1.
int sextet_of(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t group = (std::uint32_t(std::uint8_t(bytes[i])) << 16) |
                                    (std::uint32_t(std::uint8_t(bytes[i + 1])) << 8) |
                                    std::uint32_t(std::uint8_t(bytes[i + 2]));
        out.push_back(alphabet[(group >> 18) & 63]);
        out.push_back(alphabet[(group >> 12) & 63]);
        out.push_back(alphabet[(group >> 6) & 63]);
        out.push_back(alphabet[group & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t group = std::uint32_t(std::uint8_t(bytes[i])) << 16;
        if (rest == 2) group |= std::uint32_t(std::uint8_t(bytes[i + 1])) << 8;
        out.push_back(alphabet[(group >> 18) & 63]);
        out.push_back(alphabet[(group >> 12) & 63]);
        out.push_back(rest == 2 ? alphabet[(group >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    // Padding, when present, must complete the last group exactly.
    std::size_t padding = 0;
    while (padding < text.size() && padding < 2 && text[text.size() - 1 - padding] == '=') ++padding;
    if (padding > 0 && text.size() % 4 != 0) return std::nullopt;
    const std::string_view data = text.substr(0, text.size() - padding);
    if (data.size() % 4 == 1) return std::nullopt;  // 6 bits cannot make a byte

    std::string out;
    out.reserve(data.size() / 4 * 3 + 2);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : data) {
        const int value = sextet_of(c);
        if (value < 0) return std::nullopt;
        buffer = (buffer << 6) | std::uint32_t(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char(std::uint8_t(buffer >> bits)));
            buffer &= (1u << bits) - 1;
        }
    }
    // Leftover bits of a partial group must be zero, so every byte string has one encoding.
    if (buffer != 0) return std::nullopt;
    return out;
}

}  // namespace hooksmith::crypto
