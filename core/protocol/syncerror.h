// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace neurorack {

/// Why talking to the module failed, in the classes the CLI's exit codes tell apart
/// (docs/protocol.md, "Errors").
enum class SyncFailure {
    PortUnavailable, ///< no such port, or it cannot be opened
    NoAnswer,        ///< no valid reply after every retry
    LinkLost,        ///< the port went away (cable pulled) mid-way
    VersionMismatch, ///< the two sides share no protocol version
    Rejected,        ///< the module refused: invalid bank, no space, unknown slot, …
    Corrupted,       ///< the bytes that arrived are not the bytes that were sent
    Cancelled,       ///< the user stopped it
    Protocol,        ///< the other side broke the protocol (a reply that does not decode)
};

struct SyncError {
    SyncFailure failure = SyncFailure::Protocol;
    QString message;
};

/// A value or the SyncError that prevented it.
template<typename T>
class SyncResult
{
public:
    /// No result yet (QCoro::waitFor() needs a default).
    SyncResult()
        : m_state(SyncError{SyncFailure::Protocol, QStringLiteral("no result")})
    {
    }
    SyncResult(T value)
        : m_state(std::move(value))
    {
    }
    SyncResult(SyncError error)
        : m_state(std::move(error))
    {
    }
    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }
    const SyncError &error() const { return std::get<SyncError>(m_state); }

private:
    std::variant<T, SyncError> m_state;
};

using SyncStatus = SyncResult<std::monostate>;

} // namespace neurorack
