// Random tokens for message ids: unique per run, not a source of key material.
#pragma once

#include <cstddef>
#include <string>

namespace hooksmith::crypto {

// `length` characters of the URL-safe alphabet [A-Za-z0-9_-], 6 bits each from the system's
// random generator (getentropy); throws std::runtime_error in the unlikely case it fails.
std::string random_token(std::size_t length);

}  // namespace hooksmith::crypto
