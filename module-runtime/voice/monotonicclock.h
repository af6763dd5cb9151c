// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>

namespace neurorack::runtime {

/// Nanoseconds on the steady clock: the one time base of gate edges, CV changes and
/// audio blocks, shared by every thread.
inline std::int64_t monotonicNs() noexcept
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace neurorack::runtime
