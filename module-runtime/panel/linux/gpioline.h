// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace neurorack::runtime {

/// A GPIO output line (the screen's DC, reset and backlight). Levels are physical:
/// true drives the pin high.
class GpioOutput
{
public:
    virtual ~GpioOutput() = default;
    virtual Status set(bool high) = 0;
    /// For messages: "/dev/gpiochip0 line 13 (DC)".
    virtual QString name() const = 0;
};

/// A GPIO input line with edge events (the push button). Values are logical: true is
/// active (pressed), whatever the line's polarity.
class GpioInput
{
public:
    /// One edge, stamped by the kernel on the steady (CLOCK_MONOTONIC) clock.
    struct Edge {
        bool active = false;
        std::int64_t monotonicNs = 0;
    };

    virtual ~GpioInput() = default;
    virtual Result<bool> value() = 0;
    /// The oldest edge not read yet, or nullopt when there is none. Never waits.
    virtual Result<std::optional<Edge>> nextEdge() = 0;
    virtual QString name() const = 0;
};

} // namespace neurorack::runtime
