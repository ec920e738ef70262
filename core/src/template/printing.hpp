// Python-style printing helpers shared by the engine (float repr, string repr).
#pragma once

#include <string>
#include <string_view>

namespace hooksmith::printing {

// Python's repr(float): shortest round-trip digits, `1e+16`, `1000000000000000.0`, `inf`, `nan`.
void append_float(std::string& out, double value);
// The same without the fast path for short amounts (tests compare the two).
void append_float_general(std::string& out, double value);
std::string float_repr(double value);
// Python's repr(str): quotes chosen as Python does, escapes for control characters.
void append_string_repr(std::string& out, std::string_view text);

}  // namespace hooksmith::printing
