// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fielderror.h"

#include <optional>
#include <utility>
#include <variant>

namespace neurorack {

/// A value or the list of errors that prevented it: what every loader returns. A
/// loader that fails returns no value at all, never a half-valid one.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(FieldErrors errors)
        : m_errors(std::move(errors))
    {
        Q_ASSERT(!m_errors.isEmpty());
    }
    /// A failure with one error.
    static Result failure(const QString &path, const QString &message) { return Result(FieldErrors{{path, message}}); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const &
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &&value() &&
    {
        Q_ASSERT(ok());
        return std::move(*m_value);
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    const FieldErrors &errors() const { return m_errors; }
    /// The errors, one per line.
    QString errorString() const { return joinErrors(m_errors); }

private:
    std::optional<T> m_value;
    FieldErrors m_errors;
};

/// The outcome of an operation that gives no value: done, or the errors that stopped it.
using Status = Result<std::monostate>;
/// A successful Status.
inline Status done()
{
    return Status(std::monostate{});
}

} // namespace neurorack
