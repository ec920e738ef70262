// Static analysis after parsing: context variables read, and what each macro body uses.
#pragma once

#include "template/program.hpp"

namespace hooksmith::detail {

// Fills program.variables and the macro/call-block `uses_*` flags.
void analyze(Program& program);

}  // namespace hooksmith::detail
