// hooksmith: render, encode and send marketing-automation webhooks (one include for everything).
#pragma once

#include "hooksmith/error.hpp"      // Error, ErrorKind: every failure, typed
#include "hooksmith/value.hpp"      // Value: template values with Python semantics
#include "hooksmith/template.hpp"   // Template, Context, Limits: Leanplum's Jinja dialect
#include "hooksmith/json.hpp"       // parse_json: JSON text → Value (the context parser)
#include "hooksmith/request.hpp"    // Request: the exact value that goes on the wire
#include "hooksmith/retry.hpp"      // RetryPolicy, next_retry: the pure retry state machine
#include "hooksmith/webhook.hpp"    // WebhookConfig, CompiledWebhook: config → Request
#include "hooksmith/export.hpp"     // to_curl, to_http, request_to_json, masked
#include "hooksmith/cors.hpp"       // analyze_cors: what a browser's fetch() will do
#include "hooksmith/transport.hpp"  // Transport: how a Request leaves the process
#include "hooksmith/sender.hpp"     // send_webhook: a webhook driven through a Transport with retries
