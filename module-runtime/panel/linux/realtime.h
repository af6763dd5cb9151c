// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <thread>

namespace neurorack::runtime {

/// Raises @p thread to SCHED_FIFO at @p priority (1 … 99). Returns 0 or the errno value
/// (EPERM without CAP_SYS_NICE or an RLIMIT_RTPRIO, see hardware/neurorack-runtime.service).
/// Called by the thread's owner right after creating it, so that a refusal can be logged
/// there and the real-time thread itself never logs.
int raiseToRealtime(std::thread &thread, int priority) noexcept;

} // namespace neurorack::runtime
