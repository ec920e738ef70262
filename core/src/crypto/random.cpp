#include "crypto/random.hpp"

#include <unistd.h>

#include <cstdint>
#include <mutex>
#include <random>

namespace hooksmith::crypto {

namespace {

constexpr char url_safe_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The seed: 32 bytes from getentropy(), which is what std::random_device reads on Emscripten,
// but without random_device's std::system_error, whose message() formats with snprintf (libc++'s
// clocks throw it too, hence no clock below). getentropy fails only on a system without the
// getrandom syscall; then a stack address (randomised per run natively) still makes runs differ:
// message ids are not key material.
std::uint64_t seed_word(int i) {
    static std::uint32_t words[8];
    static const bool have_entropy = getentropy(words, sizeof words) == 0;
    if (!have_entropy) {
        int local = 0;
        return reinterpret_cast<std::uintptr_t>(&local) ^ static_cast<std::uint64_t>(i) * 0x9E3779B97F4A7C15u;
    }
    return words[i];
}

// One generator per process, seeded from eight 32-bit words: a 64-bit Mersenne Twister has far
// more state than one 32-bit seed, and a single one would make collisions between runs far
// likelier.
std::mt19937_64& generator() {
    static std::mt19937_64 engine = [] {
        std::seed_seq seed{seed_word(0), seed_word(1), seed_word(2), seed_word(3),
                           seed_word(4), seed_word(5), seed_word(6), seed_word(7)};
        return std::mt19937_64(seed);
    }();
    return engine;
}

std::mutex& generator_mutex() {
    static std::mutex mutex;
    return mutex;
}

}  // namespace

std::string random_token(std::size_t length) {
    std::string token;
    token.reserve(length);
    const std::lock_guard<std::mutex> lock(generator_mutex());
    auto& engine = generator();
    // 64 characters: 6 bits per character, no modulo bias. A 64-bit draw yields 10 characters.
    std::uint64_t bits = 0;
    int available = 0;
    for (std::size_t i = 0; i < length; ++i) {
        if (available < 6) {
            bits = engine();
            available = 64;
        }
        token.push_back(url_safe_alphabet[bits & 63]);
        bits >>= 6;
        available -= 6;
    }
    return token;
}

}  // namespace hooksmith::crypto
