// Random tokens for message ids: unique per run, not a source of key material.
#pragma once

#include <cstddef>
#include <string>

namespace hooksmith::crypto {

// `length` characters of the URL-safe alphabet [A-Za-z0-9_-], from a generator seeded once from
// getentropy() (what std::random_device reads on Emscripten). Tokens of 16+ characters never repeat within a run.
std::string random_token(std::size_t length);

}  // namespace hooksmith::crypto
