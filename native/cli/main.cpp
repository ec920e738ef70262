// hooksmith — render, export and (stub-)send webhooks from the command line.
#include <cstring>
#include <iostream>

#include "cli.hpp"

namespace {

constexpr const char* kUsage = R"(usage: hooksmith <command> [options]

commands:
  render CONFIG.json CONTEXT.json [--format json|http|curl] [--id ID] [--timestamp T] [--reveal]
  render --jsonl                   one {"config","context","id","timestamp"} per stdin line
  render --jsonl --config CONFIG.json [--envelope] [--id ID] [--timestamp T]
                                   the config once, one context (or envelope) per stdin line
  template --jsonl                 one {"template","context","missing"} per stdin line
  send CONFIG.json CONTEXT.json --stub "503,429+120,timeout,200" [--policy leanplum|interactive]
                                   [--id ID] [--timestamp T]

`hooksmith <command> --help` explains each. Timestamps are Unix seconds.
Exit codes: 0 ok, 1 error, 2 not delivered (send), 3 suppressed (missing data).
)";

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return argc < 2 ? hooksmith::cli::failure : hooksmith::cli::ok;
    }
    const std::string command = argv[1];
    try {
        if (command == "render") return hooksmith::cli::run_render(argc, argv);
        if (command == "template") return hooksmith::cli::run_template(argc, argv);
        if (command == "send") return hooksmith::cli::run_send(argc, argv);
        std::cerr << "input: unknown command \"" << command << "\" (expected render, template or send; see hooksmith --help)\n";
        return hooksmith::cli::failure;
    } catch (const hooksmith::Error& error) {
        return hooksmith::cli::report_error(error);
    } catch (const std::exception& error) {
        std::cerr << "internal error: " << error.what() << "\n";
        return hooksmith::cli::failure;
    }
}
