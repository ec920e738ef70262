// `hooksmith render`: one request from files, or a stream of them with --jsonl.
#include <iostream>
#include <string>

#include "cli.hpp"
#include "jsonl.hpp"
#include "hooksmith/export.hpp"
#include "hooksmith/webhook.hpp"

namespace hooksmith::cli {

namespace {

constexpr const char* kHelp = R"(usage: hooksmith render CONFIG.json CONTEXT.json [--format json|http|curl]
                        [--id ID] [--timestamp T] [--reveal] [--answers ANSWERS.json]
       hooksmith render --jsonl
       hooksmith render --jsonl --config CONFIG.json [--envelope] [--id ID] [--timestamp T]

Renders the request a webhook config sends for one user context ("-" reads stdin).
  --format json   {"method","url","headers":[[name,value]...],"body"} (default; exact, unmasked)
  --format http   the HTTP/1.1 request text (CRLF line ends, Host and Content-Length)
  --format curl   a shell-safe curl command
  --reveal        show the Basic credentials in http/curl output (masked by default)
  --id ID         the signing message id (a configured signing id wins; default: random msg_...)
  --timestamp T   Unix seconds for signing (default: now)
  --answers FILE  linked data answers: [{"source","parameter"|null,"status","body","error"}]
                  (a failed answer the render reads suppresses the user, exit 3)
  --jsonl         read {"config":{...},"context":{...},"id":"...","timestamp":N,"answers":[...]} lines from stdin and
                  print one {"request":{...}} or {"error":{...}} line for each, in order
  --jsonl --config CONFIG.json
                  the batch mode: the config is compiled once and each stdin line is one
                  context object; prints the same {"request"} / {"error"} lines. --id and
                  --timestamp apply to every line (default: random id, now)
  --envelope      with --config: each line is {"context":{...},"id":"...","timestamp":N}
                  (context may also be its JSON text; id and timestamp override the defaults)
Exit codes: 0 rendered, 1 error, 3 suppressed (missing data).
)";

int render_jsonl() {
    CompileCache<CompiledWebhook> webhooks;
    std::string line;
    const std::int64_t now = now_unix_seconds();
    while (std::getline(std::cin, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::ordered_json out;
        try {
            const auto input = parse_line_object(line);
            const auto& webhook = webhooks.get(member_as_json_text(input, "config"),
                                               [](const std::string& text) { return CompiledWebhook::compile(text); });
            RenderInput render_input;
            render_input.timestamp_seconds = now;
            if (auto id = input.find("id"); id != input.end() && id->is_string()) render_input.id = id->get<std::string>();
            if (auto ts = input.find("timestamp"); ts != input.end() && !ts->is_null()) {
                if (!ts->is_number_integer()) throw Error(ErrorKind::input, "timestamp must be an integer (Unix seconds)");
                render_input.timestamp_seconds = ts->get<std::int64_t>();
            }
            auto context = Context::from_json_text(member_as_json_text(input, "context"));
            if (auto answers = input.find("answers"); answers != input.end() && !answers->is_null()) {
                context = webhook.with_linked_data(context, parse_linked_data_answers(answers->dump()));
            }
            out["request"] = request_to_json(webhook.render(context, render_input));
        } catch (const Error& error) {
            out = nlohmann::ordered_json{{"error", error_to_json(error)}};
        }
        std::cout << to_line(out) << '\n';
    }
    std::cout.flush();
    return ok;
}

}  // namespace

int run_render(int argc, char** argv) {
    const auto args = parse_arguments(argc, argv, 2, {"--format", "--id", "--timestamp", "--config", "--answers"},
                                      {"--reveal", "--jsonl", "--envelope"});
    if (args.has_flag("--help")) {
        std::cout << kHelp;
        return ok;
    }
    if (args.has_flag("--jsonl")) {
        if (!args.positional.empty()) throw Error(ErrorKind::input, "render --jsonl reads stdin and takes no files");
        if (args.option("--answers"))
            throw Error(ErrorKind::input, "--answers is for one render; with --jsonl give a line an \"answers\" member");
        if (const auto config = args.option("--config")) {
            if (args.option("--format") || args.has_flag("--reveal"))
                throw Error(ErrorKind::input, "render --jsonl writes JSON lines; --format and --reveal do not apply");
            if (*config == "-") throw Error(ErrorKind::input, "render --jsonl reads its lines from stdin; give --config a file");
            BatchDefaults defaults;
            defaults.id = args.option("--id");
            const auto timestamp = args.option("--timestamp");
            defaults.timestamp = timestamp ? parse_timestamp(*timestamp) : now_unix_seconds();
            defaults.envelope = args.has_flag("--envelope");
            std::cout.flush();
            return render_jsonl_with_config(*config, defaults);
        }
        if (args.has_flag("--envelope") || args.option("--id") || args.option("--timestamp"))
            throw Error(ErrorKind::input, "--envelope, --id and --timestamp with --jsonl need --config FILE "
                                          "(without it each line carries its own config, id and timestamp)");
        return render_jsonl();
    }
    if (args.option("--config") || args.has_flag("--envelope"))
        throw Error(ErrorKind::input, "--config and --envelope belong to render --jsonl (see hooksmith render --help)");
    if (args.positional.size() != 2) throw Error(ErrorKind::input, "render needs CONFIG.json and CONTEXT.json (see hooksmith render --help)");

    const std::string format = args.option("--format").value_or("json");
    if (format != "json" && format != "http" && format != "curl") {
        throw Error(ErrorKind::input, "--format must be json, http or curl, not \"" + format + "\"");
    }
    const auto webhook = CompiledWebhook::compile(read_file(args.positional[0]));
    auto context = Context::from_json_text(read_file(args.positional[1]));
    if (const auto answers = args.option("--answers")) {
        context = webhook.with_linked_data(context, parse_linked_data_answers(read_file(*answers)));
    }
    RenderInput input;
    input.id = args.option("--id");
    const auto timestamp = args.option("--timestamp");
    input.timestamp_seconds = timestamp ? parse_timestamp(*timestamp) : now_unix_seconds();

    const Request request = webhook.render(context, input);
    const bool reveal = args.has_flag("--reveal");
    if (format == "http") std::cout << to_http(request, reveal);
    else if (format == "curl") std::cout << to_curl(request, reveal) << '\n';
    else std::cout << request_to_json(request).dump(2) << '\n';
    return ok;
}

}  // namespace hooksmith::cli
