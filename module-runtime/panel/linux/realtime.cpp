// SPDX-License-Identifier: GPL-3.0-or-later
#include "realtime.h"

#include <pthread.h>
#include <sched.h>

namespace neurorack::runtime {

int raiseToRealtime(std::thread &thread, int priority) noexcept
{
    sched_param param{};
    param.sched_priority = priority;
    return pthread_setschedparam(thread.native_handle(), SCHED_FIFO, &param);
}

} // namespace neurorack::runtime
