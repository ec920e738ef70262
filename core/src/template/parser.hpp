// Recursive-descent parser with Jinja2's grammar and precedence; depth-bounded.
#pragma once

#include "template/program.hpp"

namespace hooksmith::detail {

// Parses program.source into program.body. Throws Error{syntax} or Error{limit}.
void parse(Program& program);

// Annotates the parsed tree for the evaluator's fast paths (shapes.cpp): names that can never
// be locals, context paths as chains. Changes nothing that is rendered or reported.
void compile_shapes(Program& program);
// Tests turn this off to compile trees the general paths alone render (differential tests).
extern bool shapes_enabled;

}  // namespace hooksmith::detail
