// The render report: which variables a user lacks, and warnings, without rendering.
#include <catch2/catch.hpp>

#include "hooksmith/webhook.hpp"

using namespace hooksmith;

TEST_CASE("report: lists the variables this context lacks, suppressed or defaulted", "[report]") {
    const auto hook = CompiledWebhook::compile(R"({
        "url": "https://hooks.example.com/u/{{ userId }}",
        "data": [{"key": "name", "value": "{{ userAttribute['First name'] }}"},
                 {"key": "last", "value": "{{ userAttribute['Last name'] | default('Customer') }}"},
                 {"key": "first_sku", "value": "{{ parameter.products[0].sku }}"},
                 {"key": "esc", "value": "{{ userAttribute['it\\'s'] }}"}]})");
    const auto full = Context::from_json_text(R"({"userId": 1, "userAttribute": {"First name": "Mary",
        "Last name": "Doe", "it's": 1}, "parameter": {"products": [{"sku": "A1"}]}})");
    CHECK(hook.report(full).absent_variables.empty());
    CHECK(hook.report(full).warnings.empty());

    const auto sparse = Context::from_json_text(R"({"userId": 1, "userAttribute": {}, "parameter": {"products": []}})");
    const auto report = hook.report(sparse);
    CHECK(report.absent_variables == std::vector<std::string>{
        "userAttribute['First name']", "userAttribute['Last name']", "parameter.products[0].sku", "userAttribute[\"it's\"]"});
}

TEST_CASE("report: an http URL is a warning, https is not", "[report]") {
    const auto context = Context::from_json_text("{}");
    CHECK(CompiledWebhook::compile(R"({"url": "HTTP://hooks.example.com/"})").report(context).warnings.size() == 1);
    CHECK(CompiledWebhook::compile(R"({"url": "https://hooks.example.com/"})").report(context).warnings.empty());
}
