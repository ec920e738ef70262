#include "bench_webhook.hpp"

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "hooksmith/webhook.hpp"

namespace hooksmith::bench {

namespace {

// Seconds per webhook (printed with an SI prefix: "2.5u" is 2.5 µs) next to items/s.
void count_webhooks(benchmark::State& state, std::size_t webhooks_per_iteration) {
    const auto items = static_cast<std::int64_t>(webhooks_per_iteration) * state.iterations();
    state.SetItemsProcessed(items);
    state.counters["per_webhook"] = benchmark::Counter(
        static_cast<double>(webhooks_per_iteration),
        benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

std::vector<Context> parse_contexts(const Workload& workload) {
    std::vector<Context> contexts;
    contexts.reserve(workload.context_lines.size());
    for (const auto& line : workload.context_lines) contexts.push_back(Context::from_json_text(line));
    return contexts;
}

void compile_webhook(benchmark::State& state, const Workload* workload) {
    for (auto _ : state) {
        auto webhook = CompiledWebhook::compile(workload->config_text);
        benchmark::DoNotOptimize(webhook);
    }
    state.SetItemsProcessed(state.iterations());
}

void parse_context(benchmark::State& state, const Workload* workload) {
    const auto& lines = workload->context_lines;
    std::size_t next = 0;
    for (auto _ : state) {
        auto context = Context::from_json_text(lines[next]);
        benchmark::DoNotOptimize(context);
        if (++next == lines.size()) next = 0;
    }
    state.SetItemsProcessed(state.iterations());
}

void render_template(benchmark::State& state, const Workload* workload, std::string source) {
    const auto contexts = parse_contexts(*workload);
    const auto compiled = Template::compile(source);
    RenderOptions options;
    options.missing = MissingPolicy::jinja;  // the workload's policy
    std::string out;
    std::size_t next = 0;
    for (auto _ : state) {
        out.clear();
        compiled.render_to(out, contexts[next], options);
        benchmark::DoNotOptimize(out.data());
        if (++next == contexts.size()) next = 0;
    }
    state.SetItemsProcessed(state.iterations());
}

// Issue 3's measure: the webhook's 9 templates for one user from a parsed context, into one
// reused buffer (no URL parsing or body encoding).
void render_all_templates(benchmark::State& state, const Workload* workload) {
    const auto contexts = parse_contexts(*workload);
    const WebhookConfig config = parse_config(workload->config_text);
    std::vector<Template> templates{Template::compile(config.url)};
    for (const auto& field : config.data) templates.push_back(Template::compile(field.value));
    RenderOptions options;
    options.missing = MissingPolicy::jinja;
    std::string out;
    std::size_t next = 0;
    for (auto _ : state) {
        for (const Template& t : templates) {
            out.clear();
            t.render_to(out, contexts[next], options);
            benchmark::DoNotOptimize(out.data());
        }
        if (++next == contexts.size()) next = 0;
    }
    count_webhooks(state, 1);
}

void render_webhook_from_context(benchmark::State& state, const Workload* workload) {
    const auto contexts = parse_contexts(*workload);
    const auto webhook = CompiledWebhook::compile(workload->config_text);
    std::size_t next = 0;
    for (auto _ : state) {
        auto request = webhook.render(contexts[next]);
        benchmark::DoNotOptimize(request);
        if (++next == contexts.size()) next = 0;
    }
    count_webhooks(state, 1);
}

void render_webhook_from_json_text(benchmark::State& state, const Workload* workload) {
    const auto& lines = workload->context_lines;
    const auto webhook = CompiledWebhook::compile(workload->config_text);
    std::size_t next = 0;
    for (auto _ : state) {
        auto request = webhook.render(Context::from_json_text(lines[next]));
        benchmark::DoNotOptimize(request);
        if (++next == lines.size()) next = 0;
    }
    count_webhooks(state, 1);
}

// A batch of N users from JSON text to (url, body), as the comparison script times it. The lines
// are reused cyclically when N exceeds the file.
void render_batch(benchmark::State& state, const Workload* workload) {
    const auto& lines = workload->context_lines;
    const auto count = static_cast<std::size_t>(state.range(0));
    const auto webhook = CompiledWebhook::compile(workload->config_text);
    std::vector<std::pair<std::string, std::string>> out;
    out.reserve(count);
    for (auto _ : state) {
        out.clear();
        for (std::size_t i = 0; i < count; ++i) {
            Request request = webhook.render(Context::from_json_text(lines[i % lines.size()]));
            out.emplace_back(std::move(request.url), std::move(*request.body));
        }
        benchmark::DoNotOptimize(out.data());
    }
    count_webhooks(state, count);
}

}  // namespace

void register_webhook_benchmarks(const Workload& workload) {
    const Workload* w = &workload;
    benchmark::RegisterBenchmark("CompileWebhook", compile_webhook, w)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("ParseContext", parse_context, w)->Unit(benchmark::kMicrosecond);

    const auto config = parse_config(workload.config_text);
    benchmark::RegisterBenchmark("RenderTemplate/url", render_template, w, config.url)
        ->Unit(benchmark::kMicrosecond);
    for (const auto& field : config.data) {
        benchmark::RegisterBenchmark(("RenderTemplate/" + field.key).c_str(), render_template, w, field.value)
            ->Unit(benchmark::kMicrosecond);
    }

    benchmark::RegisterBenchmark("RenderTemplates/all9", render_all_templates, w)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("RenderWebhook/FromContext", render_webhook_from_context, w)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("RenderWebhook/FromJsonText", render_webhook_from_json_text, w)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("Batch", render_batch, w)->Arg(100)->Arg(1000)->Arg(20000)
        ->Unit(benchmark::kMillisecond);
}

}  // namespace hooksmith::bench
