// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace neurorack::runtime {

/// Turns SIGTERM, SIGINT and SIGHUP into a Qt signal delivered on the event loop
/// (the self-pipe trick: the handler only writes one byte to a socket).
class UnixSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    /// A watched signal arrived; @p signalNumber is SIGTERM, SIGINT or SIGHUP.
    void received(int signalNumber);

private:
    void readSignal();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace neurorack::runtime
