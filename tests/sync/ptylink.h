// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

/// A USB cable made of two pseudo-terminal pairs and a relay thread between their
/// masters: the module's end is DIR/module.tty (what neurorack-runtime opens with
/// --serial, like /dev/ttyGS0), the host's end DIR/host.tty (like /dev/ttyACM0).
/// Both are symlinks to the slaves, as udev makes them. The relay can damage what
/// goes through, stall it, or pull the cable: both ends then see a hangup, the
/// symlinks go away, and replug() brings new terminals under the same names.
class PtyLink
{
public:
    enum Direction { ToModule = 0, ToHost = 1 };

    /// What to do to the bytes of one direction. Frames are counted by their 0x00
    /// delimiters; "every N" rules hit frames N-1, 2N-1, ….
    struct Faults {
        double bitErrorRate = 0.0;   ///< random bit flips, per bit
        int dropByteEvery = 0;       ///< one byte of every Nth frame is lost
        int truncateEvery = 0;       ///< every Nth frame loses its second half (delimiter kept)
        int garbageEvery = 0;        ///< 64 random bytes (zeros included) before every Nth frame
        int stallEvery = 0;          ///< every Nth frame is held for stallMs
        int stallMs = 0;
        int unplugAtFrame = -1;      ///< the cable is pulled just before this frame (0: the first)
        quint32 seed = 1;
    };

    explicit PtyLink(const QString &dir);
    ~PtyLink();

    /// Creates the terminals and starts relaying; false (and a warning) on failure.
    bool open();
    QString modulePath() const { return m_dir + QStringLiteral("/module.tty"); }
    QString hostPath() const { return m_dir + QStringLiteral("/host.tty"); }

    /// Faults for @p direction from now on; frame counts restart at 0.
    void setFaults(Direction direction, const Faults &faults);
    void clearFaults();
    void unplug();
    bool replug();
    bool plugged() const { return m_plugged; }

    /// Bytes and frames relayed in @p direction since open() (after faults).
    qint64 bytes(Direction direction) const { return m_bytes[direction]; }
    qint64 frames(Direction direction) const { return m_frames[direction]; }

private:
    struct Side {
        int master = -1;
        int slave = -1;
        QByteArray pending; ///< bytes for this master that it has not taken yet
    };
    struct Stream {
        Faults faults;
        std::mt19937 random{1};
        qint64 frame = 0; ///< frames seen since setFaults()
        int position = 0; ///< bytes of the current frame so far
    };

    bool createTerminals();
    void closeTerminals();
    void run();
    /// Applies the faults of @p direction to @p in; returns false when the cable is pulled.
    /// @p stallMs: how long the line should hang after these bytes.
    bool transform(Direction direction, const char *in, qsizetype size, QByteArray &out, int &stallMs);

    QString m_dir;
    mutable std::mutex m_mutex;
    Side m_sides[2]; ///< [ToModule]: the module's master, [ToHost]: the host's
    Stream m_streams[2];
    std::atomic<bool> m_plugged{false};
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_bytes[2]{};
    std::atomic<qint64> m_frames[2]{};
    std::thread m_thread;
};
