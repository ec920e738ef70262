// For-loops: the general loop (a loop object bound to `loop`, a frame for the body) and the
// counted loop whose body reads `loop` only as counters (shapes.cpp: Stmt::counted_loop; its
// body runs in lookup.cpp's exec_counted_body, next to the key reads it inlines).
#include "template/evaluator.hpp"

#include "template/objects.hpp"

namespace hooksmith::detail {

void Evaluator::exec_for(const Stmt& s) {
    const Expr& iter_expr = *s.exprs[0];
    Value sequence_storage;
    const Value& sequence = eval_ref(iter_expr, sequence_storage);
    if (sequence.is_none() || (!sequence.is_list() && !sequence.is_dict() && !sequence.is_string() &&
                               !sequence.is_undefined()))
        fail(iter_expr, "'", sequence.type_name(), "' object is not iterable");
    std::vector<Value> storage;
    const std::vector<Value>* items;
    if (sequence.is_list()) items = &sequence.as_list();
    else {
        storage = iterate(sequence, iter_expr);
        items = &storage;
    }
    if (s.counted_loop) {
        exec_counted_for(s, *items);
        return;
    }
    if (s.has_loop_filter) {
        std::vector<Value> kept;
        for (const Value& item : *items) {
            count_iterations(1, s.offset);
            push_frame();
            try {
                assign(s.targets[0], item, s.offset);
                if (eval(*s.exprs[1]).truthy()) kept.push_back(item);
            } catch (...) {
                pop_frame();
                throw;
            }
            pop_frame();
        }
        storage = std::move(kept);
        items = &storage;
    }
    std::shared_ptr<LoopObject> loop = loop_object();
    loop->items = items;
    Value loop_value = Value::object(loop);
    // More owners than this at the end: the loop object escaped (`{% set ns.l = loop %}`) and
    // must keep its items, as Jinja's LoopContext does.
    const long owners_in_loop = loop.use_count();
    auto finish_loop = [&] {
        if (loop.use_count() > owners_in_loop) {
            loop->kept_items = Value::list(*items);
            loop->items = &loop->kept_items.as_list();
        } else {
            loop->items = nullptr;
        }
    };
    struct Nesting {
        std::size_t& depth;
        explicit Nesting(std::size_t& d) : depth(++d) {}
        ~Nesting() { --depth; }
    } nesting(loop_depth_);
    bool completed = false;
    // One frame for all passes: a pass drops what the body bound and binds the target and `loop`
    // again, which overwrite their own slots (bind searches the frame) — the state a fresh frame
    // per pass would have, without pushing and popping one per item.
    bool framed = false;
    std::size_t frame_end = 0;
    try {
        for (std::size_t i = 0; i < items->size(); ++i) {
            count_iterations(1, s.offset);
            if (!framed) {
                push_frame();
                framed = true;
            } else {
                vars_.erase(vars_.begin() + static_cast<std::ptrdiff_t>(frame_end), vars_.end());
            }
            assign(s.targets[0], (*items)[i], s.offset);
            bind(program_->sym_loop, loop_value);
            frame_end = vars_.size();
            loop->index0 = i;
            const Flow f = exec_body(s.bodies[0]);
            if (f == Flow::break_loop) break;
            if (f == Flow::normal) completed = true;
        }
    } catch (...) {
        if (framed) pop_frame();
        finish_loop();
        throw;
    }
    if (framed) pop_frame();
    finish_loop();
    if (!completed && !s.bodies[1].empty()) {
        exec_loop_else(s.bodies[1]);
    }
}

// A loop's else block, run when it made no pass: its own scope, like the body's.
void Evaluator::exec_loop_else(const Body& body) {
    push_frame();
    try {
        exec_body(body);
    } catch (...) {
        pop_frame();
        throw;
    }
    pop_frame();
}

// A loop whose body reads `loop` only as counters (shapes.cpp): as exec_for runs it, without
// the loop object, its binding, or a search for the target's slot — the body binds nothing, so
// the target's slot is the frame's first and stays its only one.
void Evaluator::exec_counted_for(const Stmt& s, const std::vector<Value>& items) {
    LoopCounters counters{0, items.size()};
    struct Restore {
        Evaluator& ev;
        const LoopCounters* saved;
        bool framed = false;
        ~Restore() {
            if (framed) ev.pop_frame();
            ev.counters_ = saved;
        }
    };
    {
        Restore restore{*this, counters_};
        counters_ = &counters;
        for (std::size_t i = 0; i < items.size(); ++i) {
            count_iterations(1, s.offset);
            if (!restore.framed) {
                push_frame();
                restore.framed = true;
                assign(s.targets[0], items[i], s.offset);
            } else {
                check_assignable(items[i], s.offset);
                vars_[frames_.back()].value = items[i];
            }
            counters.index0 = i;
            exec_counted_body(s.bodies[0], s.targets[0].symbol, items[i]);
        }
    }
    if (items.empty() && !s.bodies[1].empty()) {
        exec_loop_else(s.bodies[1]);
    }
}

// As LoopObject::attr reads a counter.
Value Evaluator::loop_counter(LoopAttr attr) const {
    switch (attr) {
        case LoopAttr::first: case LoopAttr::last: return Value(loop_flag(attr));
        case LoopAttr::index: case LoopAttr::index0: case LoopAttr::revindex: case LoopAttr::revindex0:
        case LoopAttr::length: case LoopAttr::depth: case LoopAttr::depth0:
            return Value(loop_number(attr));
        default: return Value();  // compile_shapes marks no other attribute
    }
}

// eval_ref's read of `loop.<counter>` bound to a loop object holds one DepthGuard (local_attr_ref).
const Value& Evaluator::counter_ref(const Expr& e, Value& storage) {
    DepthGuard guard(*this, e.offset);
    return storage = loop_counter(e.loop_attr);
}

bool Evaluator::truth(const Expr& e) {
    if (e.kind == ExprKind::not_) {  // as not_ref, its guard included
        DepthGuard guard(*this, e.offset);
        return !truth(*e.children[0]);
    }
    if (e.loop_counter) {
        DepthGuard guard(*this, e.offset);
        switch (e.loop_attr) {
            case LoopAttr::first: case LoopAttr::last: return loop_flag(e.loop_attr);
            default: return loop_counter(e.loop_attr).truthy();
        }
    }
    Value storage;
    return eval_ref(e, storage).truthy();
}

}  // namespace hooksmith::detail
