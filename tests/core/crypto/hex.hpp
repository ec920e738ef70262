// Hex helpers shared by the crypto tests.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace hooksmith::test {

template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 15]);
    }
    return out;
}

inline std::string repeated(char byte, std::size_t count) { return std::string(count, byte); }

}  // namespace hooksmith::test
