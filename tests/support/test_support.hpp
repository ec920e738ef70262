// Helpers shared by the Catch2 suites.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "hooksmith/error.hpp"

namespace hooksmith::testing {

// A file under the source tree, e.g. read_source_file("tests/core/webhook/fixtures/spec-config.json").
inline std::string read_source_file(const std::string& relative_path) {
    std::ifstream file(std::string(HOOKSMITH_SOURCE_DIR) + "/" + relative_path, std::ios::binary);
    REQUIRE(file.good());
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// `text` written `times` times in a row (hostile nestings and sizes).
inline std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += text;
    return out;
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The hooksmith::Error that `action` throws; fails the test when it throws none.
template <typename Action>
Error error_from(Action&& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected a hooksmith::Error");
    return Error(ErrorKind::input, "unreachable");
}

}  // namespace hooksmith::testing
