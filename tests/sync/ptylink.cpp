// SPDX-License-Identifier: GPL-3.0-or-later
#include "ptylink.h"

#include <QFile>
#include <QtDebug>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

PtyLink::PtyLink(const QString &dir)
    : m_dir(dir)
{
}

PtyLink::~PtyLink()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    closeTerminals();
}

bool PtyLink::open()
{
    if (!createTerminals())
        return false;
    m_thread = std::thread([this] { run(); });
    return true;
}

bool PtyLink::createTerminals()
{
    std::lock_guard lock(m_mutex);
    const QString links[2] = {modulePath(), hostPath()};
    for (int i = 0; i < 2; ++i) {
        int master = -1, slave = -1;
        char name[256] = {};
        if (::openpty(&master, &slave, name, nullptr, nullptr) != 0) {
            qWarning("openpty: %s", std::strerror(errno));
            return false;
        }
        termios raw{};
        ::tcgetattr(slave, &raw);
        ::cfmakeraw(&raw);
        ::tcsetattr(slave, TCSANOW, &raw);
        // The relay keeps a slave open too: a master whose slaves are all closed reports
        // a hangup, and the program under test may close and reopen its end.
        ::fcntl(slave, F_SETFD, FD_CLOEXEC);
        m_sides[i].slave = slave;
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
        ::fcntl(master, F_SETFD, FD_CLOEXEC);
        m_sides[i].master = master;
        m_sides[i].pending.clear();
        // Renamed into place: whoever opens the name sees the old or the new terminal.
        const QByteArray link = QFile::encodeName(links[i]);
        const QByteArray temporary = link + ".new";
        ::unlink(temporary.constData());
        if (::symlink(name, temporary.constData()) != 0 || ::rename(temporary.constData(), link.constData()) != 0) {
            qWarning("cannot link %s: %s", link.constData(), std::strerror(errno));
            return false;
        }
    }
    m_plugged = true;
    return true;
}

void PtyLink::closeTerminals()
{
    std::lock_guard lock(m_mutex);
    for (Side &side : m_sides) {
        if (side.master >= 0)
            ::close(side.master);
        if (side.slave >= 0)
            ::close(side.slave);
        side.master = -1;
        side.slave = -1;
        side.pending.clear();
    }
    ::unlink(QFile::encodeName(modulePath()).constData());
    ::unlink(QFile::encodeName(hostPath()).constData());
    m_plugged = false;
}

void PtyLink::setFaults(Direction direction, const Faults &faults)
{
    std::lock_guard lock(m_mutex);
    Stream &stream = m_streams[direction];
    stream.faults = faults;
    stream.random.seed(faults.seed);
    stream.frame = 0;
    stream.position = 0;
}

void PtyLink::clearFaults()
{
    setFaults(ToModule, {});
    setFaults(ToHost, {});
}

void PtyLink::unplug()
{
    closeTerminals();
}

bool PtyLink::replug()
{
    closeTerminals();
    return createTerminals();
}

bool PtyLink::transform(Direction direction, const char *in, qsizetype size, QByteArray &out, int &stallMs)
{
    Stream &s = m_streams[direction];
    const Faults &f = s.faults;
    const auto hits = [&](int every) { return every > 0 && s.frame % every == every - 1; };
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (qsizetype i = 0; i < size; ++i) {
        char byte = in[i];
        if (s.position == 0) {
            if (f.unplugAtFrame >= 0 && s.frame == f.unplugAtFrame)
                return false;
            if (hits(f.garbageEvery)) {
                for (int k = 0; k < 64; ++k)
                    out.append(static_cast<char>(s.random() % 7 == 0 ? 0 : s.random() & 0xFF));
            }
            if (hits(f.stallEvery))
                stallMs = std::max(stallMs, f.stallMs);
        }
        const bool delimiter = byte == 0;
        bool keep = true;
        if (!delimiter && hits(f.truncateEvery) && s.position >= 12)
            keep = false;
        if (!delimiter && hits(f.dropByteEvery) && s.position == 7)
            keep = false;
        if (keep && f.bitErrorRate > 0.0 && unit(s.random) < f.bitErrorRate * 8.0)
            byte = static_cast<char>(byte ^ (1 << (s.random() % 8)));
        if (keep)
            out.append(byte);
        if (delimiter) {
            ++s.frame;
            ++m_frames[direction];
            s.position = 0;
        } else {
            ++s.position;
        }
    }
    return true;
}

void PtyLink::run()
{
    char buffer[16384];
    while (!m_stop) {
        pollfd fds[2] = {};
        {
            std::lock_guard lock(m_mutex);
            for (int i = 0; i < 2; ++i) {
                fds[i].fd = m_sides[i].master;
                fds[i].events = POLLIN | (m_sides[i].pending.isEmpty() ? 0 : POLLOUT);
            }
        }
        if (fds[0].fd < 0 || fds[1].fd < 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            continue;
        }
        if (::poll(fds, 2, 20) <= 0)
            continue;
        std::unique_lock lock(m_mutex);
        if (m_sides[0].master != fds[0].fd || m_sides[1].master != fds[1].fd)
            continue; // unplugged or replugged meanwhile
        bool pulled = false;
        int stallMs = 0;
        for (int i = 0; i < 2 && !pulled; ++i) {
            // Bytes read from the module's master go to the host, and the other way round.
            const Direction direction = i == 0 ? ToHost : ToModule;
            Side &from = m_sides[i];
            Side &to = m_sides[1 - i];
            if (fds[i].revents & POLLIN) {
                const ssize_t n = ::read(from.master, buffer, sizeof buffer);
                if (n > 0) {
                    QByteArray out;
                    if (!transform(direction, buffer, n, out, stallMs)) {
                        pulled = true;
                        break;
                    }
                    to.pending.append(out);
                    m_bytes[direction] += out.size();
                }
            }
        }
        if (pulled) {
            lock.unlock();
            closeTerminals();
            continue;
        }
        if (stallMs > 0) {
            // The line hangs: nothing moves either way for a while.
            lock.unlock();
            std::this_thread::sleep_for(std::chrono::milliseconds(stallMs));
            lock.lock();
            if (m_sides[0].master != fds[0].fd || m_sides[1].master != fds[1].fd)
                continue;
        }
        for (Side &side : m_sides) {
            if (side.pending.isEmpty() || side.master < 0)
                continue;
            const ssize_t written = ::write(side.master, side.pending.constData(), side.pending.size());
            if (written > 0)
                side.pending.remove(0, written);
        }
    }
}
