// SPDX-License-Identifier: GPL-3.0-or-later
// Replays fuzz inputs through fuzz_protocol.cpp without libFuzzer (any compiler): every
// file named, and every file under every folder named. Fails when nothing was replayed;
// a broken property aborts, as it does under the fuzzer.
//
//   fuzz_protocol_replay tests/fuzz/corpus [MORE_FILES_OR_FOLDERS...]
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_protocol_replay FILE_OR_FOLDER...\n");
        return 2;
    }
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(path).isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort(); // the same order every run
            files << found;
        } else if (QFileInfo(path).isFile()) {
            files << path;
        } else {
            std::fprintf(stderr, "fuzz_protocol_replay: no such file or folder: %s\n", argv[i]);
            return 1;
        }
    }
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz_protocol_replay: cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray bytes = file.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), static_cast<size_t>(bytes.size()));
    }
    std::printf("fuzz_protocol_replay: %lld inputs replayed, every property held\n", static_cast<long long>(files.size()));
    return files.isEmpty() ? 1 : 0;
}
