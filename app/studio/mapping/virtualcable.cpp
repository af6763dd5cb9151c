// SPDX-License-Identifier: GPL-3.0-or-later
#include "virtualcable.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcCable, "neurorack.studio.virtualcable")

namespace neurorack::studio {

VirtualCable::VirtualCable(QObject *parent)
    : QObject(parent)
{
}

VirtualCable::~VirtualCable()
{
    close();
}

bool VirtualCable::open()
{
    close();
    for (Side &side : m_sides) {
        int master = -1;
        int slave = -1;
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0) {
            m_error = tr("Cannot create a pseudo-terminal: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            close();
            return false;
        }
        // Raw bytes both ways: no echo, no line editing, no CR/LF translation.
        termios raw{};
        ::tcgetattr(slave, &raw);
        ::cfmakeraw(&raw);
        ::tcsetattr(slave, TCSANOW, &raw);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        ::fcntl(master, F_SETFD, FD_CLOEXEC);
        ::fcntl(slave, F_SETFD, FD_CLOEXEC);
        side.master = master;
        side.slave = slave;
        side.name = QString::fromLocal8Bit(name);
        side.pending.clear();
        side.broken = false;
    }
    for (int i = 0; i < 2; ++i) {
        Side &side = m_sides[static_cast<std::size_t>(i)];
        side.readable = new QSocketNotifier(side.master, QSocketNotifier::Read, this);
        side.writable = new QSocketNotifier(side.master, QSocketNotifier::Write, this);
        side.writable->setEnabled(false);
        connect(side.readable, &QSocketNotifier::activated, this, [this, i] { readFrom(i); });
        connect(side.writable, &QSocketNotifier::activated, this, [this, i] { writeTo(i); });
    }
    m_relayed.fill(0);
    m_error.clear();
    qCInfo(lcCable).noquote() << "virtual cable: module" << modulePort() << "host" << hostPort();
    return true;
}

void VirtualCable::close()
{
    for (Side &side : m_sides) {
        delete side.readable;
        delete side.writable;
        side.readable = nullptr;
        side.writable = nullptr;
        if (side.master >= 0)
            ::close(side.master);
        if (side.slave >= 0)
            ::close(side.slave);
        side.master = -1;
        side.slave = -1;
        side.name.clear();
        side.pending.clear();
        side.broken = false;
    }
}

void VirtualCable::readFrom(int from)
{
    Side &source = m_sides[static_cast<std::size_t>(from)];
    Side &target = m_sides[static_cast<std::size_t>(1 - from)];
    if (source.master < 0)
        return;
    char buffer[kReadChunk];
    const qsizetype room = kMaxPending - target.pending.size();
    if (room <= 0) {
        updateNotifiers();
        return;
    }
    const ssize_t n = ::read(source.master, buffer, static_cast<size_t>(std::min(room, kReadChunk)));
    if (n > 0) {
        target.pending.append(buffer, n);
        m_relayed[static_cast<std::size_t>(1 - from)] += n;
        writeTo(1 - from);
    } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        // EIO cannot happen while we hold the slave open; anything else: stop reading
        // this side instead of spinning on it.
        qCWarning(lcCable).noquote() << "virtual cable: read from" << source.name << "failed:" << std::strerror(errno);
        source.broken = true;
    }
    updateNotifiers();
}

void VirtualCable::writeTo(int to)
{
    Side &side = m_sides[static_cast<std::size_t>(to)];
    if (side.master < 0 || side.pending.isEmpty()) {
        updateNotifiers();
        return;
    }
    const ssize_t written = ::write(side.master, side.pending.constData(), static_cast<size_t>(side.pending.size()));
    if (written > 0)
        side.pending.remove(0, written);
    updateNotifiers();
}

void VirtualCable::updateNotifiers()
{
    for (int i = 0; i < 2; ++i) {
        Side &side = m_sides[static_cast<std::size_t>(i)];
        const Side &other = m_sides[static_cast<std::size_t>(1 - i)];
        if (!side.readable)
            continue;
        side.writable->setEnabled(!side.pending.isEmpty());
        // Back-pressure: read a side only while the other has room for what it sends.
        side.readable->setEnabled(!side.broken && other.pending.size() < kMaxPending);
    }
}

} // namespace neurorack::studio
