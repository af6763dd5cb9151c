// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QCborMap>
#include <QString>

#include <array>
#include <functional>
#include <optional>
#include <variant>

namespace neurorack::runtime {

/// What the USB link's server asks of the module (RuntimeService answers): its state,
/// its files, committing what was pushed, auditioning.
class SyncBackend
{
public:
    virtual ~SyncBackend() = default;

    virtual DeviceInfo deviceInfo() const = 0;
    virtual QCborMap settings() const = 0;
    virtual Answer<std::monostate> changeSettings(const QCborMap &changes) = 0;

    /// Checks @p bytes (a bank, CBOR or JSON) and stores it as banks/@p name atomically.
    virtual Answer<CommitReply> commitBank(const QString &name, const QByteArray &bytes, bool activate) = 0;
    /// Checks the model staged at @p stagedPath (loads it and runs it once, off the main
    /// thread) and moves it to models/@p name; @p done gets the outcome.
    virtual void commitModel(const QString &name, const QString &stagedPath, bool activate,
                             std::function<void(Answer<CommitReply>)> done) = 0;
    /// A bank in its wire form (CBOR); empty name: the playing one. @p name gets the file name.
    virtual Answer<QByteArray> bankBytes(QString *name) = 0;
    /// A model file's path; empty name: the playing one.
    virtual Answer<QString> modelPath(QString *name) = 0;

    virtual Answer<PlayReply> play(int slot) = 0;
    virtual void overrideCv(const std::optional<std::array<double, 4>> &volts) = 0;
    /// Room left in the data folder, in bytes.
    virtual qint64 freeBytes() const = 0;
    /// The link's state changed ("connected to neurorack 0.1.0", "waiting for the host").
    virtual void linkStateChanged(const QString &state) = 0;
};

} // namespace neurorack::runtime
