// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/messages.h"

#include <QString>

#include <utility>
#include <variant>

namespace neurorack::runtime {

/// Why the module refuses a request: becomes an ERROR reply (docs/protocol.md).
struct Refusal {
    QLatin1String code;   ///< one of ErrorCode
    QString message;      ///< what and where, for the person at the other end
    qint64 expected = -1; ///< offset_mismatch: where to go on
};

/// A value, or the refusal that prevented it.
template<typename T>
class Answer
{
public:
    Answer(T value)
        : m_state(std::move(value))
    {
    }
    Answer(Refusal refusal)
        : m_state(std::move(refusal))
    {
    }
    explicit operator bool() const { return std::holds_alternative<T>(m_state); }
    const T &operator*() const { return std::get<T>(m_state); }
    const T *operator->() const { return &std::get<T>(m_state); }
    const Refusal &refusal() const { return std::get<Refusal>(m_state); }

private:
    std::variant<T, Refusal> m_state;
};

} // namespace neurorack::runtime
