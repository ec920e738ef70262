// `hooksmith send`: the sender over the stub transport on a fake clock.
#include <iostream>
#include <string>

#include "cli.hpp"
#include "../stub_transport.hpp"
#include "hooksmith/sender.hpp"

namespace hooksmith::cli {

namespace {

constexpr const char* kHelp = R"(usage: hooksmith send CONFIG.json CONTEXT.json --stub SCRIPT [--policy leanplum|interactive]
                      [--id ID] [--timestamp T]

Sends the rendered webhook through the stub transport, retrying as the policy says, on a fake
clock (an hour of retries takes microseconds). SCRIPT is a comma-separated list of answers, one per
attempt: a status (200), a status with a Retry-After in seconds (429+120), timeout or refused; once
it runs out, every attempt is refused. The policy defaults to the config's `retry`, else leanplum.
Prints one line per attempt and a summary.
Exit codes: 0 delivered (2xx), 2 not delivered, 1 error, 3 suppressed (missing data).
)";

std::string describe_ms(std::int64_t ms) {
    if (ms >= 60000 && ms % 60000 == 0) return std::to_string(ms / 60000) + " min";
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms) + " ms";
}

std::string describe_result(const TransportResult& result) {
    if (result.kind != TransportResult::response) return to_string(result.kind);
    std::string text = "status " + std::to_string(result.http.status);
    if (const std::string* retry_after = result.http.header("Retry-After")) text += " (Retry-After: " + *retry_after + ")";
    return text;
}

}  // namespace

int run_send(int argc, char** argv) {
    const auto args = parse_arguments(argc, argv, 2, {"--stub", "--policy", "--id", "--timestamp"}, {});
    if (args.has_flag("--help")) {
        std::cout << kHelp;
        return ok;
    }
    if (args.positional.size() != 2) throw Error(ErrorKind::input, "send needs CONFIG.json and CONTEXT.json (see hooksmith send --help)");
    const auto script = args.option("--stub");
    if (!script) throw Error(ErrorKind::input, "send needs --stub: the natively built CLI only sends through the stub transport");

    const auto webhook = CompiledWebhook::compile(read_file(args.positional[0]));
    const auto context = Context::from_json_text(read_file(args.positional[1]));
    RetryPolicy policy = webhook.retry_policy().value_or(RetryPolicy::leanplum());
    if (const auto name = args.option("--policy")) policy = RetryPolicy::preset(*name);
    const auto timestamp = args.option("--timestamp");

    FakeClock clock((timestamp ? parse_timestamp(*timestamp) : now_unix_seconds()) * 1000);
    StubTransport transport(parse_stub_script(*script), clock);
    const SendReport report = send_webhook(webhook, context, policy, transport, clock, args.option("--id"));

    for (const Attempt& attempt : report.attempts) {
        std::cout << "attempt " << attempt.number << ": after " << describe_ms(attempt.delay_before_ms) << ", "
                  << describe_result(attempt.result) << " — " << attempt.decision.reason << '\n';
    }
    std::cout << report.summary << '\n';
    return report.delivered ? ok : not_delivered;
}

}  // namespace hooksmith::cli
