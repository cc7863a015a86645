<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>App</name>
    <message>
        <source>Backup restored</source>
        <translation>Cadangan dipulihkan</translation>
    </message>
    <message>
        <source>The backup was restored. The damaged file was kept as %1.</source>
        <translation>Cadangan telah dipulihkan. Berkas yang rusak disimpan sebagai %1.</translation>
    </message>
</context>
<context>
    <name>ConnectionSection</name>
    <message>
        <source>the built-in database in this office's data folder</source>
        <translation>basis data bawaan di folder data kantor ini</translation>
    </message>
    <message>
        <source>the built-in database file %1</source>
        <translation>berkas basis data bawaan %1</translation>
    </message>
    <message>
        <source>the PostgreSQL database %1 on %2</source>
        <translation>basis data PostgreSQL %1 di %2</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <source>Default: the SQLite file in the data folder</source>
        <translation>Bawaan: berkas SQLite di folder data</translation>
    </message>
    <message>
        <source>In use now: %1. A new database address is used after a restart.</source>
        <translation>Yang dipakai sekarang: %1. Alamat basis data yang baru dipakai setelah aplikasi dimulai ulang.</translation>
    </message>
    <message>
        <source>e.g. wss://vicon.bandung.go.id:8443</source>
        <translation>mis. wss://vicon.bandung.go.id:8443</translation>
    </message>
    <message>
        <source>e.g. turn:turn.bandung.go.id:3478</source>
        <translation>mis. turn:turn.bandung.go.id:3478</translation>
    </message>
    <message>
        <source>Database address:</source>
        <translation>Alamat basis data:</translation>
    </message>
    <message>
        <source>Vicon hub:</source>
        <translation>Hub vicon:</translation>
    </message>
    <message>
        <source>TURN server:</source>
        <translation>Server TURN:</translation>
    </message>
    <message>
        <source>TURN user name:</source>
        <translation>Nama pengguna TURN:</translation>
    </message>
    <message>
        <source>TURN password:</source>
        <translation>Kata sandi TURN:</translation>
    </message>
    <message>
        <source>Not saved: a database address looks like postgresql+psycopg://user@server/lintas or sqlite:////path/lintas.sqlite3.</source>
        <translation>Tidak disimpan: alamat basis data berbentuk postgresql+psycopg://pengguna@server/lintas atau sqlite:////lokasi/lintas.sqlite3.</translation>
    </message>
    <message>
        <source>Not saved: the hub address starts with wss:// (or ws://).</source>
        <translation>Tidak disimpan: alamat hub diawali wss:// (atau ws://).</translation>
    </message>
    <message>
        <source>Not saved: a TURN address starts with turn: or turns:.</source>
        <translation>Tidak disimpan: alamat TURN diawali turn: atau turns:.</translation>
    </message>
    <message>
        <source>the system keyring</source>
        <translation>keyring sistem</translation>
    </message>
    <message>
        <source>a protected file in the data folder</source>
        <translation>berkas terlindungi di folder data</translation>
    </message>
    <message>
        <source>Passwords are kept in: %1</source>
        <translation>Kata sandi disimpan di: %1</translation>
    </message>
</context>
<context>
    <name>CorruptDatabaseDialog</name>
    <message>
        <source>The database is damaged</source>
        <translation>Basis data rusak</translation>
    </message>
    <message>
        <source>Lintas cannot read its database file.</source>
        <translation>Lintas tidak dapat membaca berkas basis datanya.</translation>
    </message>
    <message>
        <source>File: %1
Problem: %2
The file has not been changed or deleted.</source>
        <translation>Berkas: %1
Masalah: %2
Berkas tersebut tidak diubah maupun dihapus.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Restore the last backup</source>
        <translation>Pulihkan cadangan terakhir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>The newest automatic backup was made on %1 (%2). Restoring it moves the damaged file aside (it is kept) and loses changes made after the backup.</source>
        <translation>Cadangan otomatis terbaru dibuat pada %1 (%2). Memulihkannya akan memindahkan berkas yang rusak ke samping (berkas itu tetap disimpan), dan perubahan setelah cadangan dibuat akan hilang.</translation>
    </message>
    <message>
        <source>There is no automatic backup to restore. Quit, then ask your IT staff to repair the file or to restore it from their own backups.</source>
        <translation>Tidak ada cadangan otomatis yang dapat dipulihkan. Keluarlah, lalu mintalah staf TI Anda memperbaiki berkas itu atau memulihkannya dari cadangan mereka sendiri.</translation>
    </message>
</context>
<context>
    <name>DatabaseErrorDialog</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Basis data tidak dapat dibuka</translation>
    </message>
    <message>
        <source>Lintas could not open the database at %1.

%2

Check the address with --database, LINTAS_DATABASE_URL or the saved setting, then start Lintas again.</source>
        <translation>Lintas tidak dapat membuka basis data di %1.

%2

Periksa alamatnya pada --database, LINTAS_DATABASE_URL atau pengaturan yang tersimpan, lalu jalankan Lintas kembali.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>DatabaseMessages</name>
    <message>
        <source>not an SQLite database file</source>
        <translation>bukan berkas basis data SQLite</translation>
    </message>
    <message>
        <source>integrity check failed: {detail}</source>
        <translation>pemeriksaan keutuhan gagal: {detail}</translation>
    </message>
    <message>
        <source>the file cannot be read as a database ({detail})</source>
        <translation>berkas tidak dapat dibaca sebagai basis data ({detail})</translation>
    </message>
    <message>
        <source>The database {database} was written by a newer version of Lintas (schema {schema}); update Lintas to open it. Nothing was changed.</source>
        <translation>Basis data {database} ditulis oleh versi Lintas yang lebih baru (skema {schema}); perbarui Lintas untuk membukanya. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Someone else changed this agreement at the same time, so your change was not saved. Reload the agreement and apply your change again.</source>
        <translation>Orang lain mengubah kesepakatan ini pada saat yang sama, sehingga perubahan Anda tidak disimpan. Muat ulang kesepakatan dan terapkan perubahan Anda lagi.</translation>
    </message>
</context>
<context>
    <name>DevicesSection</name>
    <message>
        <source>Camera and microphone</source>
        <translation>Kamera dan mikrofon</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <source>Microphone:</source>
        <translation>Mikrofon:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Bawaan sistem</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (tidak terhubung)</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Peredam gema</translation>
    </message>
    <message>
        <source>Removes the other office's voice coming back from your speaker.</source>
        <translation>Menghapus suara kantor lain yang kembali dari pengeras suara Anda.</translation>
    </message>
    <message>
        <source>Noise suppression</source>
        <translation>Peredam bising</translation>
    </message>
    <message>
        <source>Automatic gain</source>
        <translation>Penguatan otomatis</translation>
    </message>
    <message>
        <source>Keeps your voice at an even level.</source>
        <translation>Menjaga suara Anda pada level yang rata.</translation>
    </message>
    <message>
        <source>Low-frequency filter (hum and rumble)</source>
        <translation>Filter frekuensi rendah (dengung dan gemuruh)</translation>
    </message>
    <message>
        <source>Audio processing:</source>
        <translation>Pemrosesan audio:</translation>
    </message>
    <message>
        <source>Turn these off only with a headset. Changes apply at once.</source>
        <translation>Matikan hanya bila memakai headset. Perubahan langsung berlaku.</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>Pengeras suara:</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Office cards (*.lintas-card)</source>
        <translation>Kartu kantor (*.lintas-card)</translation>
    </message>
    <message>
        <source>Save our office card</source>
        <translation>Simpan kartu kantor kami</translation>
    </message>
    <message>
        <source>Office card saved as %1.</source>
        <translation>Kartu kantor disimpan sebagai %1.</translation>
    </message>
    <message>
        <source>The office card could not be saved there. Choose another folder.</source>
        <translation>Kartu kantor tidak dapat disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Save our office card…</source>
        <translation>Simpan kartu kantor kami…</translation>
    </message>
    <message>
        <source>Other offices trust you through your office card. The easiest way: in your first call with them, compare the code Lintas shows and press “Trust”. You can also save the office card now and send it; they compare the fingerprint with you by phone. Later, “Office card” at the top of every screen does the same.</source>
        <translation>Kantor lain memercayai Anda melalui kartu kantor Anda. Cara termudah: dalam panggilan pertama dengan mereka, bandingkan kode yang ditampilkan Lintas lalu tekan “Percayai”. Anda juga dapat menyimpan kartu kantor sekarang dan mengirimkannya; mereka membandingkan sidik jarinya dengan Anda melalui telepon. Nanti, “Kartu kantor” di bagian atas setiap layar melakukan hal yang sama.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <source>Send the certificate to each counterpart office, so their Lintas can check your signatures. Read the fingerprint to them over the phone to be sure the file arrived unchanged.</source>
        <translation>Kirimkan sertifikat ini kepada setiap kantor mitra agar Lintas mereka dapat memeriksa tanda tangan Anda. Bacakan sidik jarinya kepada mereka melalui telepon untuk memastikan berkas itu tiba tanpa perubahan.</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>Ekspor sertifikat…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is set up with %2 user(s).&lt;br&gt;Signing certificate: %3&lt;br&gt;Fingerprint (SHA-256):&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; telah disiapkan dengan %2 pengguna.&lt;br&gt;Sertifikat penandatanganan: %3&lt;br&gt;Sidik jari (SHA-256):&lt;br&gt;&lt;tt&gt;%4&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Could not save the certificate: %1</source>
        <translation>Sertifikat tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Certificate saved to %1</source>
        <translation>Sertifikat disimpan di %1</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Ekspor sertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Sertifikat (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up Lintas</source>
        <translation>Penyiapan Lintas</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Open Lintas</source>
        <translation>Buka Lintas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Create and open Lintas</source>
        <translation>Buat dan buka Lintas</translation>
    </message>
</context>
<context>
    <name>GeneralSection</name>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Sama dengan sistem</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Mulai ulang sekarang</translation>
    </message>
    <message>
        <source>F4 (215 × 330 mm)</source>
        <translation>F4 (215 × 330 mm)</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <source>Paper size for printing:</source>
        <translation>Ukuran kertas untuk mencetak:</translation>
    </message>
    <message>
        <source>The new language is used when Lintas starts again.</source>
        <translation>Bahasa yang baru dipakai saat Lintas dijalankan kembali.</translation>
    </message>
</context>
<context>
    <name>HeadPage</name>
    <message>
        <source>Head of region</source>
        <translation>Kepala daerah</translation>
    </message>
    <message>
        <source>The head of region signs the agreements. Their name and title are printed above the signature.</source>
        <translation>Kepala daerah menandatangani kesepakatan. Nama dan jabatannya dicetak di atas tanda tangan.</translation>
    </message>
    <message>
        <source>Full name with academic titles</source>
        <translation>Nama lengkap beserta gelar</translation>
    </message>
    <message>
        <source>Optional, 18 digits</source>
        <translation>Opsional, 18 angka</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Jabatan:</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>A NIP has exactly 18 digits.</source>
        <translation>NIP terdiri atas tepat 18 angka.</translation>
    </message>
    <message>
        <source>Head of region:</source>
        <translation>Kepala daerah:</translation>
    </message>
    <message>
        <source>Type the name of the head of region.</source>
        <translation>Ketik nama kepala daerah.</translation>
    </message>
    <message>
        <source>Type the title of the head of region.</source>
        <translation>Ketik jabatan kepala daerah.</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Signing identity</source>
        <translation>Identitas penandatanganan</translation>
    </message>
    <message>
        <source>Agreements are signed with the office's key and certificate, kept in a password-protected file on this computer.</source>
        <translation>Kesepakatan ditandatangani dengan kunci dan sertifikat kantor, yang disimpan dalam berkas berkata sandi di komputer ini.</translation>
    </message>
    <message>
        <source>Create a new signing identity for this office</source>
        <translation>Buat identitas penandatanganan baru untuk kantor ini</translation>
    </message>
    <message>
        <source>Import an existing .p12 file (for example from BSrE)</source>
        <translation>Impor berkas .p12 yang sudah ada (misalnya dari BSrE)</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
    <message>
        <source>Keep this password safe. Without it nobody can sign for the office, and Lintas cannot recover it.</source>
        <translation>Simpan kata sandi ini baik-baik. Tanpanya tidak ada yang dapat menandatangani atas nama kantor, dan Lintas tidak dapat memulihkannya.</translation>
    </message>
    <message>
        <source>Path of the .p12 or .pfx file</source>
        <translation>Lokasi berkas .p12 atau .pfx</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>Password of the file:</source>
        <translation>Kata sandi berkas:</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Berkas %1 tidak ada.</translation>
    </message>
    <message>
        <source>The password does not open this file. Check it and try again; nothing has been changed.</source>
        <translation>Kata sandi ini tidak dapat membuka berkas tersebut. Periksa dan coba lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>This file cannot be used as the signing identity: %1</source>
        <translation>Berkas ini tidak dapat dipakai sebagai identitas penandatanganan: %1</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi berbeda.</translation>
    </message>
    <message>
        <source>Choose the signing identity file</source>
        <translation>Pilih berkas identitas penandatanganan</translation>
    </message>
    <message>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>Berkas PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Sembunyikan</translation>
    </message>
    <message>
        <source>Show the password to check what you typed</source>
        <translation>Tampilkan kata sandi untuk memeriksa yang Anda ketik</translation>
    </message>
    <message>
        <source>This password opens the office&apos;s signing key and is asked when someone acts as the head of region. Keep it safe: without it nobody can sign for the office, and Lintas cannot recover it.</source>
        <translation>Kata sandi ini membuka kunci tanda tangan kantor dan diminta saat seseorang bertindak sebagai kepala daerah. Simpan baik-baik: tanpanya tidak ada yang dapat menandatangani atas nama kantor, dan Lintas tidak dapat memulihkannya.</translation>
    </message>
</context>
<context>
    <name>Lambang</name>
    <message>
        <source>The file %1 does not exist.</source>
        <extracomment>Longest side of the stored emblem: sharp on a printed letterhead, small in the database.</extracomment>
        <translation>Berkas %1 tidak ada.</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG or SVG image that Lintas can read.</source>
        <translation>%1 bukan gambar PNG, JPEG atau SVG yang dapat dibaca Lintas.</translation>
    </message>
</context>
<context>
    <name>LambangPage</name>
    <message>
        <source>Lambang</source>
        <translation>Lambang</translation>
    </message>
    <message>
        <source>The regional emblem printed at the top of each agreement. PNG, JPEG or SVG. You may skip this and add it later.</source>
        <translation>Lambang daerah yang dicetak di bagian atas setiap kesepakatan. PNG, JPEG atau SVG. Langkah ini boleh dilewati dan lambang ditambahkan nanti.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>No image chosen</source>
        <translation>Belum ada gambar dipilih</translation>
    </message>
    <message>
        <source>Choose the lambang</source>
        <translation>Pilih lambang</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Lintas</source>
        <extracomment>Emitted after a page was created and shown for the first time (key).</extracomment>
        <translation>Lintas</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi Vicon</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <source>App catalog</source>
        <translation>Katalog Aplikasi</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arsip</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Choose from the list, or type the name below</source>
        <translation>Pilih dari daftar, atau ketik namanya di bawah</translation>
    </message>
    <message>
        <source>Leave it empty for %1.</source>
        <translation>Biarkan kosong untuk %1.</translation>
    </message>
    <message>
        <source>Regional government:</source>
        <translation>Pemerintah daerah:</translation>
    </message>
    <message>
        <source>Your office</source>
        <translation>Kantor Anda</translation>
    </message>
    <message>
        <source>Which regional government and which unit will use Lintas on this computer?</source>
        <translation>Pemerintah daerah dan unit kerja mana yang memakai Lintas di komputer ini?</translation>
    </message>
    <message>
        <source>e.g. Bandung</source>
        <translation>mis. Bandung</translation>
    </message>
    <message>
        <source>e.g. Bagian Kerja Sama</source>
        <translation>mis. Bagian Kerja Sama</translation>
    </message>
    <message>
        <source>Government level:</source>
        <translation>Tingkat pemerintahan:</translation>
    </message>
    <message>
        <source>City, regency or province name:</source>
        <translation>Nama kota, kabupaten atau provinsi:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unit kerja:</translation>
    </message>
    <message>
        <source>Official name:</source>
        <translation>Nama resmi:</translation>
    </message>
    <message>
        <source>(enter the name)</source>
        <translation>(isi namanya)</translation>
    </message>
    <message>
        <source>Which regional government and which unit will use Lintas on this computer, and who signs its agreements?</source>
        <translation>Pemerintah daerah dan unit mana yang memakai Lintas di komputer ini, dan siapa yang menandatangani kesepakatannya?</translation>
    </message>
    <message>
        <source>Lambang (optional):</source>
        <translation>Lambang (opsional):</translation>
    </message>
    <message>
        <source>Choose the regional government from the list, or type its name.</source>
        <translation>Pilih pemerintah daerah dari daftar, atau ketik namanya.</translation>
    </message>
    <message>
        <source>Settings can change all of this later.</source>
        <translation>Semua ini dapat diubah nanti di Pengaturan.</translation>
    </message>
</context>
<context>
    <name>OfficeSection</name>
    <message>
        <source>Office cards (*.lintas-card)</source>
        <translation>Kartu kantor (*.lintas-card)</translation>
    </message>
    <message>
        <source>Save our office card</source>
        <translation>Simpan kartu kantor kami</translation>
    </message>
    <message>
        <source>No signing identity is set up on this computer yet.</source>
        <translation>Belum ada identitas penandatanganan di komputer ini.</translation>
    </message>
    <message>
        <source>Save our office card…</source>
        <translation>Simpan kartu kantor kami…</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Change lambang…</source>
        <translation>Ganti lambang…</translation>
    </message>
    <message>
        <source>Save office details</source>
        <translation>Simpan data kantor</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Kantor:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unit kerja:</translation>
    </message>
    <message>
        <source>Head of region:</source>
        <translation>Kepala daerah:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Jabatan:</translation>
    </message>
    <message>
        <source>NIP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>Lambang:</source>
        <translation>Lambang:</translation>
    </message>
    <message>
        <source>Export certificate…</source>
        <translation>Ekspor sertifikat…</translation>
    </message>
    <message>
        <source>Signing certificate:</source>
        <translation>Sertifikat penandatanganan:</translation>
    </message>
    <message>
        <source>A NIP has exactly 18 digits.</source>
        <translation>NIP terdiri atas tepat 18 angka.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Could not save the certificate: %1</source>
        <translation>Sertifikat tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <source>Certificate saved to %1</source>
        <translation>Sertifikat disimpan di %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>No certificate found in %1</source>
        <translation>Tidak ada sertifikat di %1</translation>
    </message>
    <message>
        <source>%1
Valid until %2
SHA-256: %3</source>
        <translation>%1
Berlaku sampai %2
SHA-256: %3</translation>
    </message>
    <message>
        <source>Choose the lambang</source>
        <translation>Pilih lambang</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Ekspor sertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Sertifikat (*.pem *.crt)</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Nothing archived yet</source>
        <translation>Arsip masih kosong</translation>
    </message>
    <message>
        <source>Agreements appear here once every party has signed them. You can also open a signed PDF you received to check its signatures.</source>
        <translation>Kesepakatan muncul di sini setelah ditandatangani oleh semua pihak. Anda juga dapat membuka PDF bertanda tangan yang Anda terima untuk memeriksa tanda tangannya.</translation>
    </message>
    <message>
        <source>Verify a signed PDF</source>
        <translation>Periksa PDF bertanda tangan</translation>
    </message>
    <message>
        <source>Upcoming sessions</source>
        <extracomment>Asks the main window to show another page (by navigation key). Asks the main window to show page ``key`` and open item ``id`` there (an agreement).</extracomment>
        <translation>Sesi mendatang</translation>
    </message>
    <message>
        <source>No sessions scheduled.</source>
        <translation>Belum ada sesi terjadwal.</translation>
    </message>
    <message>
        <source>Awaiting your review</source>
        <translation>Menunggu tinjauan Anda</translation>
    </message>
    <message>
        <source>No drafts to review.</source>
        <translation>Tidak ada draf untuk ditinjau.</translation>
    </message>
    <message>
        <source>Awaiting signature</source>
        <translation>Menunggu tanda tangan</translation>
    </message>
    <message>
        <source>Nothing to sign.</source>
        <translation>Tidak ada yang perlu ditandatangani.</translation>
    </message>
    <message>
        <source>Obligations due in the next 30 days</source>
        <translation>Kewajiban jatuh tempo dalam 30 hari</translation>
    </message>
    <message>
        <source>No obligations due.</source>
        <translation>Tidak ada kewajiban yang jatuh tempo.</translation>
    </message>
    <message>
        <source>Agreements expiring within 90 days</source>
        <translation>Kesepakatan yang berakhir dalam 90 hari</translation>
    </message>
    <message>
        <source>None expiring soon.</source>
        <translation>Tidak ada yang segera berakhir.</translation>
    </message>
    <message>
        <source>Nothing needs your action</source>
        <translation>Tidak ada yang perlu Anda tindak lanjuti</translation>
    </message>
    <message>
        <source>To begin, schedule a vicon session with a counterpart office, or start a Kesepakatan Bersama in Agreements. What needs your review or signature will then appear here.</source>
        <translation>Untuk memulai, jadwalkan sesi vicon dengan kantor mitra, atau mulai Kesepakatan Bersama di menu Kesepakatan. Hal yang perlu Anda tinjau atau tanda tangani akan muncul di sini.</translation>
    </message>
    <message>
        <source>Go to Sessions</source>
        <translation>Buka Sesi Vicon</translation>
    </message>
    <message>
        <source>Go to Agreements</source>
        <translation>Buka Kesepakatan</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Selamat datang, %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Folder data: %1</translation>
    </message>
</context>
<context>
    <name>PageLoadError</name>
    <message>
        <source>%1 could not be opened</source>
        <translation>%1 tidak dapat dibuka</translation>
    </message>
    <message>
        <source>This part of Lintas failed to start. The rest of the app keeps working. Please send the details below to your IT staff.</source>
        <translation>Bagian Lintas ini gagal dimulai. Bagian lain aplikasi tetap berjalan. Kirimkan rincian di bawah ini kepada staf TI Anda.</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>Too short: use at least %1 characters.</source>
        <extracomment>Shorter passwords are refused: the PKCS#12 file may leave the office on a USB stick.</extracomment>
        <translation>Terlalu pendek: gunakan sedikitnya %1 karakter.</translation>
    </message>
    <message>
        <source>Weak: mix upper and lower case, digits and symbols.</source>
        <translation>Lemah: campurkan huruf besar dan kecil, angka dan simbol.</translation>
    </message>
    <message>
        <source>Fair: a longer password would be stronger.</source>
        <translation>Cukup: kata sandi yang lebih panjang akan lebih kuat.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Kuat.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Drafter</source>
        <translation>Penyusun</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Peninjau</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Pembaca</translation>
    </message>
    <message>
        <source>Writes and edits agreement drafts</source>
        <translation>Menulis dan menyunting draf kesepakatan</translation>
    </message>
    <message>
        <source>Reviews drafts and approves a revision</source>
        <translation>Meninjau draf dan menyetujui revisi</translation>
    </message>
    <message>
        <source>Signs agreements for the head of region</source>
        <translation>Menandatangani kesepakatan atas nama kepala daerah</translation>
    </message>
    <message>
        <source>Reads agreements and joins sessions</source>
        <translation>Membaca kesepakatan dan mengikuti sesi</translation>
    </message>
    <message>
        <source>City (Kota)</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Regency (Kabupaten)</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>Province (Provinsi)</source>
        <translation>Provinsi</translation>
    </message>
</context>
<context>
    <name>UserSwitcher</name>
    <message>
        <source>Acting as:</source>
        <translation>Bertindak sebagai:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Lintas opens as %1, the drafter. The head's password is asked when the head approves, trusts an office or signs.</source>
        <translation>Lintas dibuka sebagai %1, penyusun. Kata sandi kepala daerah diminta saat kepala daerah menyetujui, memercayai kantor, atau menandatangani.</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Kata sandi atau PIN</translation>
    </message>
    <message>
        <source>Give %1 a password or PIN of at least %2 characters.</source>
        <translation>Beri %1 kata sandi atau PIN minimal %2 karakter.</translation>
    </message>
    <message>
        <source>Each person can be listed only once; use different names.</source>
        <translation>Setiap orang hanya boleh tercantum sekali; gunakan nama yang berbeda.</translation>
    </message>
    <message>
        <source>Name one drafter: without a drafter nobody can write an agreement, and the head of region only signs.</source>
        <translation>Sebutkan satu penyusun: tanpa penyusun tidak ada yang dapat menulis kesepakatan, dan kepala daerah hanya menandatangani.</translation>
    </message>
    <message>
        <source>the head of region</source>
        <translation>kepala daerah</translation>
    </message>
    <message>
        <source>More users (optional)</source>
        <translation>Pengguna lain (opsional)</translation>
    </message>
    <message>
        <source>Drafter's password or PIN:</source>
        <translation>Kata sandi atau PIN penyusun:</translation>
    </message>
    <message>
        <source>Drafter:</source>
        <translation>Penyusun:</translation>
    </message>
    <message>
        <source>Name of the staff member who drafts</source>
        <translation>Nama staf yang menyusun</translation>
    </message>
    <message>
        <source>Their password or PIN:</source>
        <translation>Kata sandi atau PIN-nya:</translation>
    </message>
    <message>
        <source>Head of region (signatory):</source>
        <translation>Kepala daerah (penanda tangan):</translation>
    </message>
    <message>
        <source>Drafters write agreements, reviewers approve them, signatories sign, viewers only read. Each person gets a password or PIN, asked when someone switches to them.</source>
        <translation>Penyusun menulis kesepakatan, peninjau menyetujuinya, penanda tangan menandatangani, pembaca hanya membaca. Setiap orang mendapat kata sandi atau PIN, yang diminta saat seseorang beralih menjadi mereka.</translation>
    </message>
    <message>
        <source>Password or PIN (at least %1 characters)</source>
        <translation>Kata sandi atau PIN (minimal %1 karakter)</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Pengguna dan peran</translation>
    </message>
    <message>
        <source>Add the staff who use Lintas on this computer. Drafters write agreements, reviewers approve them, signatories sign, viewers only read.</source>
        <translation>Tambahkan staf yang memakai Lintas di komputer ini. Penyusun menulis kesepakatan, peninjau menyetujuinya, penanda tangan menandatangani, pembaca hanya membaca.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 sudah ada di daftar.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Add at least one user to continue.</source>
        <translation>Tambahkan sedikitnya satu pengguna untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Tip: nobody can sign agreements until a signatory is added.</source>
        <translation>Kiat: belum ada yang dapat menandatangani kesepakatan sampai penanda tangan ditambahkan.</translation>
    </message>
    <message>
        <source>People and passwords</source>
        <translation>Pengguna dan kata sandi</translation>
    </message>
    <message>
        <source>%1, head of region (signatory): the office&apos;s signing identity</source>
        <translation>%1, kepala daerah (penanda tangan): identitas tanda tangan kantor</translation>
    </message>
    <message>
        <source>Choose the .p12 file and type its password.</source>
        <translation>Pilih berkas .p12 dan ketik kata sandinya.</translation>
    </message>
    <message>
        <source>Give the signing identity a password of at least %1 characters.</source>
        <translation>Beri identitas tanda tangan kata sandi sekurang-kurangnya %1 karakter.</translation>
    </message>
    <message>
        <source>Drafters write, reviewers approve, signatories sign. Each person gets a password or PIN, asked when someone switches to them.</source>
        <translation>Penyusun menulis, peninjau menyetujui, penanda tangan menandatangani. Setiap orang mendapat kata sandi atau PIN, yang diminta saat seseorang beralih kepadanya.</translation>
    </message>
    <message>
        <source>Head of region (signatory): the office&apos;s signing identity</source>
        <translation>Kepala daerah (penanda tangan): identitas tanda tangan kantor</translation>
    </message>
    <message>
        <source>More users: %1</source>
        <translation>Pengguna lain: %1</translation>
    </message>
    <message>
        <source>A reviewer is optional: the head&apos;s approval releases a draft for negotiation (Settings can require a reviewer&apos;s release first).</source>
        <translation>Peninjau bersifat opsional: persetujuan kepala daerah melepas draf untuk negosiasi (Pengaturan dapat mewajibkan pelepasan oleh peninjau lebih dahulu).</translation>
    </message>
</context>
<context>
    <name>UsersSection</name>
    <message>
        <source>Drafts need a reviewer&apos;s release</source>
        <translation>Draf perlu dilepas oleh peninjau</translation>
    </message>
    <message>
        <source>Off: the signatory&apos;s approval of a draft also releases it for negotiation. On: a reviewer releases every draft first.</source>
        <translation>Mati: persetujuan penanda tangan atas draf sekaligus melepasnya untuk negosiasi. Nyala: peninjau melepas setiap draf lebih dahulu.</translation>
    </message>
    <message>
        <source>%1 was removed.</source>
        <translation>%1 telah dihapus.</translation>
    </message>
    <message>
        <source>You cannot remove yourself. Act as another signatory to do it.</source>
        <translation>Anda tidak dapat menghapus diri sendiri. Bertindaklah sebagai penanda tangan lain untuk melakukannya.</translation>
    </message>
    <message>
        <source>The password or PIN of %1 was changed.</source>
        <translation>Kata sandi atau PIN %1 telah diubah.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 sekarang %2.</translation>
    </message>
    <message>
        <source>Give %1 a password or PIN, so nobody else can act as them.</source>
        <translation>Beri %1 kata sandi atau PIN, agar tidak ada orang lain yang dapat bertindak sebagai dia.</translation>
    </message>
    <message>
        <source>Only a signatory can add, remove or change users.</source>
        <translation>Hanya penanda tangan yang dapat menambah, menghapus, atau mengubah pengguna.</translation>
    </message>
    <message>
        <source>(no password or PIN)</source>
        <translation>(tanpa kata sandi atau PIN)</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Kata sandi atau PIN</translation>
    </message>
    <message>
        <source>Remove the selected user</source>
        <translation>Hapus pengguna terpilih</translation>
    </message>
    <message>
        <source>Password or PIN:</source>
        <translation>Kata sandi atau PIN:</translation>
    </message>
    <message>
        <source>Set password or PIN</source>
        <translation>Tetapkan kata sandi atau PIN</translation>
    </message>
    <message>
        <source>New password or PIN</source>
        <translation>Kata sandi atau PIN baru</translation>
    </message>
    <message>
        <source>Role of the selected user:</source>
        <translation>Peran pengguna terpilih:</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Ubah peran</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Name of the new user</source>
        <translation>Nama pengguna baru</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Type a name first.</source>
        <translation>Ketik nama terlebih dahulu.</translation>
    </message>
    <message>
        <source>%1 is already a user.</source>
        <translation>%1 sudah menjadi pengguna.</translation>
    </message>
    <message>
        <source>%1 added.</source>
        <translation>%1 ditambahkan.</translation>
    </message>
</context>
<context>
    <name>OfficeMessages</name>
    <message>
        <source>The last user cannot be removed; add another user first</source>
        <translation>Pengguna terakhir tidak dapat dihapus; tambahkan pengguna lain terlebih dahulu</translation>
    </message>
    <message>
        <source>That user no longer exists; the list has been refreshed</source>
        <translation>Pengguna itu sudah tidak ada; daftar telah diperbarui</translation>
    </message>
    <message>
        <source>A password or PIN needs at least {min} characters</source>
        <translation>Kata sandi atau PIN minimal {min} karakter</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>region</source>
        <translation>wilayah</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>unit</source>
        <translation>unit kerja</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>head of region</source>
        <translation>nama kepala daerah</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>title</source>
        <translation>jabatan</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>The office&apos;s {field} is empty</source>
        <translation>Isian {field} kantor masih kosong</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>No local office is set up yet; finish the first-run setup first</source>
        <translation>Kantor lokal belum disiapkan; selesaikan dahulu penyiapan awal</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>This installation already has a local office</source>
        <translation>Instalasi ini sudah memiliki kantor lokal</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>A user has an empty name</source>
        <translation>Ada pengguna yang namanya kosong</translation>
    </message>
    <message>
        <location filename="../../ui/office_messages.py" line="14"/>
        <source>The user &apos;{name}&apos; is listed twice</source>
        <translation>Pengguna &apos;{name}&apos; tercantum dua kali</translation>
    </message>
</context>
<context>
    <name>AuthoritiesSection</name>
    <message>
        <source>Certificate authorities you trust</source>
        <translation>Otoritas sertifikat yang Anda percayai</translation>
    </message>
    <message>
        <source>Signatures by certificates these authorities issued are trusted after the whole certificate chain is checked. Add only an authority your office has agreed to rely on, such as BSrE or your city's own authority.</source>
        <translation>Tanda tangan dengan sertifikat yang diterbitkan otoritas ini dipercaya setelah seluruh rantai sertifikatnya diperiksa. Tambahkan hanya otoritas yang telah disepakati kantor Anda untuk diandalkan, seperti BSrE atau otoritas milik kota Anda sendiri.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>{organisation}, valid {start} to {end}, fingerprint {fingerprint}</source>
        <translation>{organisation}, berlaku {start} sampai {end}, sidik jari {fingerprint}</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>None yet: only the office cards you accepted are trusted.</source>
        <translation>Belum ada: hanya kartu kantor yang telah Anda terima yang dipercaya.</translation>
    </message>
    <message>
        <source>A certificate authority to trust</source>
        <translation>Otoritas sertifikat yang akan dipercaya</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Sertifikat (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>That file could not be read. Choose the file again.</source>
        <translation>Berkas itu tidak dapat dibaca. Pilih berkasnya lagi.</translation>
    </message>
    <message>
        <source>That authority is already in the list.</source>
        <translation>Otoritas itu sudah ada di daftar.</translation>
    </message>
    <message>
        <source>That file is not a readable certificate. Choose a .pem, .crt or .der file from the certificate authority.</source>
        <translation>Berkas itu bukan sertifikat yang dapat dibaca. Pilih berkas .pem, .crt atau .der dari otoritas sertifikat.</translation>
    </message>
    <message>
        <source>That certificate belongs to a person or an office, not to a certificate authority. To trust an office, accept its office card instead.</source>
        <translation>Sertifikat itu milik seseorang atau sebuah kantor, bukan milik otoritas sertifikat. Untuk memercayai sebuah kantor, terima kartu kantornya.</translation>
    </message>
    <message>
        <source>That authority's certificate has expired. Ask the authority for its current certificate.</source>
        <translation>Sertifikat otoritas itu sudah kedaluwarsa. Mintalah sertifikat terbarunya kepada otoritas tersebut.</translation>
    </message>
    <message>
        <source>That authority's certificate is not valid yet. Check the computer's date, or add it once it becomes valid.</source>
        <translation>Sertifikat otoritas itu belum berlaku. Periksa tanggal komputer, atau tambahkan setelah sertifikat itu berlaku.</translation>
    </message>
    <message>
        <source>The list is full. Remove an authority you no longer need first.</source>
        <translation>Daftar sudah penuh. Hapus dulu otoritas yang tidak lagi Anda perlukan.</translation>
    </message>
</context>
<context>
    <name>SigningSection</name>
    <message>
        <source>Signatures</source>
        <translation>Tanda Tangan</translation>
    </message>
    <message>
        <source>e.g. https://tsa.example.go.id/</source>
        <translation>mis. https://tsa.contoh.go.id/</translation>
    </message>
    <message>
        <source>Each signature gets a trusted time from this server, and the certificates' status is stored in the PDF, so agreements stay verifiable after the certificates expire. Without a server, documents are signed without a time-stamp; use Extend in the Archive later. The server's certificate authority is trusted for time-stamps only.</source>
        <translation>Setiap tanda tangan mendapat waktu tepercaya dari server ini, dan status sertifikat disimpan di dalam PDF, sehingga kesepakatan tetap dapat diverifikasi setelah sertifikatnya berakhir. Tanpa server, dokumen ditandatangani tanpa penanda waktu; gunakan Perpanjang di Arsip nanti. Otoritas sertifikat server ini dipercaya hanya untuk penanda waktu.</translation>
    </message>
    <message>
        <source>Time-stamp server:</source>
        <translation>Server penanda waktu:</translation>
    </message>
    <message>
        <source>Enter an address starting with https:// or http://, or leave it empty.</source>
        <translation>Masukkan alamat yang diawali https:// atau http://, atau kosongkan.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Its certificate authority:</source>
        <translation>Otoritas sertifikatnya:</translation>
    </message>
    <message>
        <source>None chosen</source>
        <translation>Belum dipilih</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <source>{name}, valid until {date}</source>
        <translation>{name}, berlaku sampai {date}</translation>
    </message>
    <message>
        <source>The time-stamp server's certificate authority</source>
        <translation>Otoritas sertifikat server penanda waktu</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der)</source>
        <translation>Sertifikat (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
        <source>That file is not a readable certificate.</source>
        <translation>Berkas itu bukan sertifikat yang dapat dibaca.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>As a viewer you can read agreements and join sessions. A drafter starts agreements.</source>
        <translation>Sebagai pembaca, Anda dapat membaca kesepakatan dan mengikuti sesi. Penyusun yang memulai kesepakatan.</translation>
    </message>
    <message>
        <source>As a signatory you approve and sign agreements once a drafter has prepared them. To start one, switch “Acting as” to a drafter.</source>
        <translation>Sebagai penanda tangan, Anda menyetujui dan menandatangani kesepakatan setelah disiapkan penyusun. Untuk memulainya, ganti “Bertindak sebagai” ke seorang penyusun.</translation>
    </message>
    <message>
        <source>As a reviewer you approve the revisions a drafter prepared. To start an agreement, switch “Acting as” to a drafter.</source>
        <translation>Sebagai peninjau, Anda menyetujui revisi yang disiapkan penyusun. Untuk memulai kesepakatan, ganti “Bertindak sebagai” ke seorang penyusun.</translation>
    </message>
    <message>
        <source>As a drafter you start agreements, edit them and send them to the other office.</source>
        <translation>Sebagai penyusun, Anda memulai kesepakatan, menyuntingnya, dan mengirimkannya ke kantor mitra.</translation>
    </message>
    <message>
        <source>Choose who you are under “Acting as” at the top right.</source>
        <translation>Pilih siapa Anda di “Bertindak sebagai” di kanan atas.</translation>
    </message>
</context>
<context>
    <name>OfficeCardButton</name>
    <message>
        <source>Show our fingerprint</source>
        <translation>Tampilkan sidik jari kami</translation>
    </message>
    <message>
        <source>Trust an office card…</source>
        <translation>Percayai kartu kantor…</translation>
    </message>
    <message>
        <source>Save our office card…</source>
        <translation>Simpan kartu kantor kami…</translation>
    </message>
    <message>
        <source>Save our office card for another office, or trust the card of another office</source>
        <translation>Simpan kartu kantor kami untuk kantor lain, atau percayai kartu kantor lain</translation>
    </message>
    <message>
        <source>Office card</source>
        <translation>Kartu kantor</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Open Lintas</source>
        <translation>Buka Lintas</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Who is using Lintas now?</source>
        <translation>Siapa yang memakai Lintas sekarang?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Type the password or PIN of %1:</source>
        <translation>Ketik kata sandi atau PIN %1:</translation>
    </message>
    <message>
        <source>%1 has no password or PIN.</source>
        <translation>%1 tidak memakai kata sandi atau PIN.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>That is not the right password or PIN. Try again in %1 s.</source>
        <translation>Kata sandi atau PIN salah. Coba lagi dalam %1 detik.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <source>Type the password or PIN of %1:</source>
        <translation>Ketik kata sandi atau PIN %1:</translation>
    </message>
    <message>
        <source>Act as %1</source>
        <translation>Bertindak sebagai %1</translation>
    </message>
</context>
<context>
    <name>OfficeCard</name>
    <message>
        <source>The fingerprint of our office card (read it to the other office by phone):

%1</source>
        <translation>Sidik jari kartu kantor kami (bacakan kepada kantor mitra melalui telepon):

%1</translation>
    </message>
    <message>
        <source>%1 is now trusted.</source>
        <translation>%1 sekarang dipercaya.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Percayai</translation>
    </message>
    <message>
        <source>Trust %1?

Call them and compare this fingerprint with the one their Lintas shows under “Office card”:

%2</source>
        <translation>Percayai %1?

Telepon mereka dan bandingkan sidik jari ini dengan yang ditampilkan Lintas mereka di “Kartu kantor”:

%2</translation>
    </message>
    <message>
        <source>Trust this office?</source>
        <translation>Percayai kantor ini?</translation>
    </message>
    <message>
        <source>The file cannot be read. Choose the office card again.</source>
        <translation>Berkas tidak dapat dibaca. Pilih kartu kantor lagi.</translation>
    </message>
    <message>
        <source>Office cards (*%1 *.json);;All files (*)</source>
        <translation>Kartu kantor (*%1 *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Trust an office card</source>
        <translation>Percayai kartu kantor</translation>
    </message>
    <message>
        <source>Our office card was saved as %1. Send it to the other office; they compare the fingerprint with you by phone before trusting it.</source>
        <translation>Kartu kantor kami disimpan sebagai %1. Kirimkan ke kantor mitra; mereka membandingkan sidik jarinya dengan Anda melalui telepon sebelum memercayainya.</translation>
    </message>
    <message>
        <source>The office card could not be saved there. Choose another folder.</source>
        <translation>Kartu kantor tidak dapat disimpan di sana. Pilih folder lain.</translation>
    </message>
    <message>
        <source>This office's certificate is missing on this computer, so no office card can be made. Import the signing identity again in Settings.</source>
        <translation>Sertifikat kantor ini tidak ada di komputer ini, sehingga kartu kantor tidak dapat dibuat. Impor lagi identitas penandatanganan di Pengaturan.</translation>
    </message>
    <message>
        <source>Office cards (*%1)</source>
        <translation>Kartu kantor (*%1)</translation>
    </message>
    <message>
        <source>Save our office card</source>
        <translation>Simpan kartu kantor kami</translation>
    </message>
    <message>
        <source>Office card</source>
        <translation>Kartu kantor</translation>
    </message>
    <message>
        <source>This file is not a Lintas office card. Ask the other office to save its office card again (“Office card” → “Save our office card…”) and send that file.</source>
        <translation>Berkas ini bukan kartu kantor Lintas. Mintalah kantor mitra menyimpan kartu kantornya lagi (“Kartu kantor” → “Simpan kartu kantor kami…”) dan mengirim berkas itu.</translation>
    </message>
    <message>
        <source>This is a certificate file, not an office card. Ask the other office for its office card (a .lintas-card file: “Office card” → “Save our office card…”), or trust each other during a call.</source>
        <translation>Ini berkas sertifikat, bukan kartu kantor. Mintalah kartu kantor dari kantor mitra (berkas .lintas-card: “Kartu kantor” → “Simpan kartu kantor kami…”), atau saling memercayai dalam panggilan.</translation>
    </message>
</context>
<context>
    <name>HashLabel</name>
    <message>
        <source>Copy full hash</source>
        <translation>Salin hash lengkap</translation>
    </message>
</context>
<context>
    <name>MenuBar</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Save revision</source>
        <translation>&amp;Simpan revisi</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>&amp;Help for this page</source>
        <translation>&amp;Bantuan untuk halaman ini</translation>
    </message>
    <message>
        <source>&amp;About Lintas</source>
        <translation>&amp;Tentang Lintas</translation>
    </message>
    <message>
        <source>Not available on this page.</source>
        <translation>Tidak tersedia di halaman ini.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Urungkan %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Ulangi %1</translation>
    </message>
    <message>
        <source>Nothing to undo here.</source>
        <translation>Tidak ada yang dapat diurungkan di sini.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Home lists what needs you now: agreements waiting for your review or approval, obligations coming due and the next video sessions.</source>
        <translation>Beranda menampilkan yang perlu Anda tangani sekarang: kesepakatan yang menunggu tinjauan atau persetujuan Anda, kewajiban yang segera jatuh tempo, dan sesi vicon berikutnya.</translation>
    </message>
    <message>
        <source>Double-click an entry to open it. When the lists are empty, start with Agreements or Sessions in the sidebar.</source>
        <translation>Klik dua kali sebuah entri untuk membukanya. Bila daftar masih kosong, mulailah dari Kesepakatan atau Sesi Vicon di bilah samping.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi Vicon</translation>
    </message>
    <message>
        <source>Schedule a video session with another office, host it from this computer or join one with the invitation the host sent you.</source>
        <translation>Jadwalkan sesi vicon dengan kantor lain, selenggarakan dari komputer ini, atau bergabung dengan undangan yang dikirim penyelenggara.</translation>
    </message>
    <message>
        <source>Times are shown in WIB, WITA and WIT so both offices read the same moment. If joining fails, ask the host for a new invitation and check the network.</source>
        <translation>Waktu ditampilkan dalam WIB, WITA, dan WIT agar kedua kantor membaca saat yang sama. Bila gagal bergabung, mintalah undangan baru kepada penyelenggara dan periksa jaringan.</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <source>All Kesepakatan Bersama of this office with their state. A drafter starts a new agreement from the template; a draft from a counterpart is imported from its .lintas package.</source>
        <translation>Semua Kesepakatan Bersama kantor ini beserta statusnya. Penyusun memulai kesepakatan baru dari templat; draf dari kantor mitra diimpor dari paket .lintas-nya.</translation>
    </message>
    <message>
        <source>Open an agreement to edit it, comment on its pasal, exchange revisions and approve the same revision as the counterpart.</source>
        <translation>Buka sebuah kesepakatan untuk menyuntingnya, mengomentari pasalnya, bertukar revisi, dan menyetujui revisi yang sama dengan kantor mitra.</translation>
    </message>
    <message>
        <source>Editing an agreement</source>
        <translation>Menyunting kesepakatan</translation>
    </message>
    <message>
        <source>Pick a pasal on the left and write its text and ayat; your typing is saved automatically. Save revision (Ctrl+S) freezes the text as the next round, which you can export to the counterpart.</source>
        <translation>Pilih pasal di kiri lalu tulis isi dan ayatnya; ketikan Anda tersimpan otomatis. Simpan revisi (Ctrl+S) membekukan teks sebagai putaran berikutnya, yang dapat Anda ekspor ke kantor mitra.</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) take back and repeat edits. The tabs on the right hold comments, obligations, the Lampiran, revisions, details and the page preview.</source>
        <translation>Urungkan (Ctrl+Z) dan Ulangi (Ctrl+Shift+Z) membatalkan dan mengulang suntingan. Tab di kanan berisi komentar, kewajiban, Lampiran, revisi, rincian, dan pratinjau halaman.</translation>
    </message>
    <message>
        <source>An agreement in review cannot be edited; buttons that cannot be used say why in their tooltip.</source>
        <translation>Kesepakatan yang sedang ditinjau tidak dapat disunting; tombol yang tidak dapat dipakai menjelaskan alasannya pada keterangan alatnya.</translation>
    </message>
    <message>
        <source>App catalog</source>
        <translation>Katalog Aplikasi</translation>
    </message>
    <message>
        <source>The smart-city applications an agreement can share, by dimension. Add, import or correct entries here; the Lampiran of an agreement picks from them.</source>
        <translation>Aplikasi kota cerdas yang dapat dibagi melalui kesepakatan, per dimensi. Tambah, impor, atau perbaiki entri di sini; Lampiran kesepakatan memilih dari daftar ini.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arsip</translation>
    </message>
    <message>
        <source>Signed agreements and those being signed. Select one to open, check its signatures, print it (Ctrl+P) or save a copy.</source>
        <translation>Kesepakatan yang sudah dan sedang ditandatangani. Pilih satu untuk membukanya, memeriksa tanda tangannya, mencetaknya (Ctrl+P), atau menyimpan salinannya.</translation>
    </message>
    <message>
        <source>Only a document whose signatures verify is printed. Check a printed page compares the code on paper with this record.</source>
        <translation>Hanya dokumen yang tanda tangannya terverifikasi yang dicetak. Periksa halaman cetak mencocokkan kode di kertas dengan catatan ini.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Your office's details and lambang, the people who use Lintas and their roles, the signing certificate, the language, paper size and devices.</source>
        <translation>Data dan lambang kantor Anda, orang yang memakai Lintas beserta perannya, sertifikat penandatanganan, bahasa, ukuran kertas, dan perangkat.</translation>
    </message>
    <message>
        <source>Changes take effect when you save; a new language after a restart.</source>
        <translation>Perubahan berlaku setelah disimpan; bahasa baru setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <source>About Lintas</source>
        <translation>Tentang Lintas</translation>
    </message>
    <message>
        <source>Lintas connects city offices: video sessions between offices, and drafting, signing and printing Kesepakatan Bersama.</source>
        <translation>Lintas menghubungkan kantor pemerintah daerah: sesi vicon antarkantor, serta penyusunan, penandatanganan, dan pencetakan Kesepakatan Bersama.</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Papan ketik</translation>
    </message>
    <message>
        <source>Save revision</source>
        <translation>Simpan revisi</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Go to a page</source>
        <translation>Buka halaman</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Lintas help</source>
        <translation>Bantuan Lintas</translation>
    </message>
</context>
<context>
    <name>DatabaseMessages</name>
    <message>
        <source>The database address is not valid.</source>
        <translation>Alamat basis data tidak valid.</translation>
    </message>
    <message>
        <source>The database server refused the user name or password.</source>
        <translation>Server basis data menolak nama pengguna atau kata sandi.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: its folder is missing or may not be written.</source>
        <translation>Berkas basis data tidak dapat dibuka: foldernya tidak ada atau tidak boleh ditulisi.</translation>
    </message>
    <message>
        <source>The database server does not answer: it may be off or unreachable.</source>
        <translation>Server basis data tidak menjawab: mungkin mati atau tidak terjangkau.</translation>
    </message>
</context>
<context>
    <name>DatabaseErrorDialog</name>
    <message>
        <source>Database: %1
Problem: %2</source>
        <translation>Basis data: %1
Masalah: %2</translation>
    </message>
    <message>
        <source>Lintas could not open its database.

%1

Ask your IT staff to check the database setting (Copy details gives them what they need), then start Lintas again.</source>
        <translation>Lintas tidak dapat membuka basis datanya.

%1

Mintalah staf TI Anda memeriksa pengaturan basis data (Salin rincian memberi mereka yang diperlukan), lalu buka Lintas lagi.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
</context>
<context>
    <name>CorruptDatabaseDialog</name>
    <message>
        <source>Problem: %1
The file has not been changed or deleted.</source>
        <translation>Masalah: %1
Berkas itu tidak diubah atau dihapus.</translation>
    </message>
</context>
<context>
    <name>PlainErrors</name>
    <message>
        <source>You may not use that file or folder. Choose another place.</source>
        <translation>Anda tidak boleh memakai berkas atau folder itu. Pilih tempat lain.</translation>
    </message>
    <message>
        <source>The file or its folder does not exist (any more). Choose it again.</source>
        <translation>Berkas atau foldernya tidak ada (lagi). Pilih lagi.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space or choose another disk.</source>
        <translation>Disk penuh. Kosongkan sebagian ruang atau pilih disk lain.</translation>
    </message>
    <message>
        <source>That disk cannot be written to. Choose another place.</source>
        <translation>Disk itu tidak dapat ditulisi. Pilih tempat lain.</translation>
    </message>
    <message>
        <source>That is a folder. Choose a file.</source>
        <translation>Itu folder. Pilih sebuah berkas.</translation>
    </message>
    <message>
        <source>The file could not be used. Check the disk or choose another place.</source>
        <translation>Berkas itu tidak dapat dipakai. Periksa disk atau pilih tempat lain.</translation>
    </message>
    <message>
        <source>Something went wrong. Try again; if it happens again, ask your IT staff to check the computer and the network.</source>
        <translation>Terjadi kesalahan. Coba lagi; bila terulang, mintalah staf TI Anda memeriksa komputer dan jaringan.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Print (Ctrl+P) prints the draft on the office's paper, marked KONSEP on every page. The signed agreement is printed from the Archive.</source>
        <translation>Cetak (Ctrl+P) mencetak draf pada kertas kantor, bertanda KONSEP di setiap halaman. Kesepakatan yang sudah ditandatangani dicetak dari Arsip.</translation>
    </message>
</context>
</TS>
