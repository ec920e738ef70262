// Recursive-descent parser with Jinja2's grammar and precedence; depth-bounded.
#pragma once

#include "template/program.hpp"

namespace hooksmith::detail {

// Parses program.source into program.body. Throws Error{syntax} or Error{limit}.
void parse(Program& program);

}  // namespace hooksmith::detail
