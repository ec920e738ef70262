// The batch mode's output encoder: a string as a JSON string literal, byte for byte what
// nlohmann's dump() writes (and the core's detail::append_json_string), written through a
// pointer into room the caller reserved, with the UTF-8 check folded into the same pass.
#pragma once

#include <cstddef>
#include <string_view>

namespace hooksmith::cli {

// Room escape_json_string needs for `bytes` bytes of text: every byte as \u00xx, two quotes,
// and 16 bytes the encoder may write past its end (whole-block stores).
constexpr std::size_t escaped_json_room(std::size_t bytes) { return 6 * bytes + 2 + 16; }

// Writes `text` quoted and escaped at `out` (which has escaped_json_room(text.size()) bytes)
// and returns the end of what it wrote; nullptr when `text` is not valid UTF-8 (nlohmann would
// substitute U+FFFD: the caller writes that line through nlohmann instead).
char* escape_json_string(char* out, std::string_view text);

// Whether escape_json_string may spread whole blocks with SSSE3 shuffles (on by default where
// the CPU has them); the tests turn it off to check the SSE2 path on the same machine.
void set_escape_spreading(bool enabled) noexcept;

}  // namespace hooksmith::cli
