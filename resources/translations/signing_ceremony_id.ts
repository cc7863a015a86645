<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CeremonyLauncher</name>
    <message>
        <location filename="../../ui/ceremony/launcher.py" line="160"/>
        <source>The agreement could not be recorded as signed here: {reasons}</source>
        <translation>Kesepakatan tidak dapat dicatat sebagai telah ditandatangani di sini: {reasons}</translation>
    </message>
</context>
<context>
    <name>CeremonyPanel</name>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="48"/>
        <source>Signing ceremony</source>
        <translation>Upacara penandatanganan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="60"/>
        <source>When the revision is presented, its hash appears here in large type on every side. Read it aloud and compare it with the other offices before anyone signs. Party A signs first, then party B; each office checks every signature as it arrives.</source>
        <translation>Saat revisi ditampilkan, hash-nya muncul di sini dengan huruf besar di setiap pihak. Bacakan dan cocokkan dengan kantor lain sebelum ada yang menandatangani. PIHAK PERTAMA menandatangani lebih dahulu, lalu PIHAK KEDUA; setiap kantor memeriksa setiap tanda tangan begitu diterima.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="71"/>
        <source>Revision hash (the same on every side):</source>
        <translation>Hash revisi (sama di setiap pihak):</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="104"/>
        <source>Present the agreed revision</source>
        <translation>Tampilkan revisi yang disepakati</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="107"/>
        <source>Open signed PDF</source>
        <translation>Buka PDF bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="109"/>
        <source>Save signed PDF…</source>
        <translation>Simpan PDF bertanda tangan…</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="154"/>
        <source>A stored ceremony cannot be read and was left untouched: {details}</source>
        <translation>Upacara yang tersimpan tidak dapat dibaca dan dibiarkan apa adanya: {details}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="199"/>
        <source>Present the agreed revision once every office has joined.</source>
        <translation>Tampilkan revisi yang disepakati setelah semua kantor bergabung.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="201"/>
        <source>Waiting for the host to present the agreed revision.</source>
        <translation>Menunggu tuan rumah menampilkan revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="209"/>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Agreement {agreement}, presented by {host}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;Kesepakatan {agreement}, ditampilkan oleh {host}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="214"/>
        <source>PDF fingerprint (SHA-256, computed on this computer):</source>
        <translation>Sidik jari PDF (SHA-256, dihitung di komputer ini):</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="221"/>
        <source>Signed PDF fingerprint (SHA-256):</source>
        <translation>Sidik jari PDF bertanda tangan (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="226"/>
        <source>Same fingerprint confirmed by:</source>
        <translation>Sidik jari yang sama dikonfirmasi oleh:</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="233"/>
        <source>signed ✔</source>
        <translation>sudah menandatangani ✔</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="235"/>
        <source>signing now</source>
        <translation>sedang menandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="237"/>
        <source>waiting</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="247"/>
        <source>{done} of {total} signatures</source>
        <translation>{done} dari {total} tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="260"/>
        <source>Verified: all {total} signatures are valid and this office holds the signed file.</source>
        <translation>Terverifikasi: seluruh {total} tanda tangan sah dan kantor ini menyimpan berkas yang telah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="266"/>
        <source>Your turn to sign.</source>
        <translation>Giliran Anda menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="268"/>
        <location filename="../../ui/ceremony/panel.py" line="278"/>
        <source>{title} signs now for {office}.</source>
        <translation>{title} menandatangani sekarang untuk {office}.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="275"/>
        <source>Waiting for {office} to sign.</source>
        <translation>Menunggu {office} menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="289"/>
        <source>{who} ({office}) joined {time}</source>
        <translation>{who} ({office}) bergabung {time}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="293"/>
        <source>, left {time}</source>
        <translation>, keluar {time}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="295"/>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="52"/>
        <source>The password does not open the signing certificate. Nothing was signed.</source>
        <translation>Kata sandi tidak dapat membuka sertifikat tanda tangan. Tidak ada yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="37"/>
        <source>A PDF arrived whose fingerprint differs from the presented one. It was refused.</source>
        <translation>PDF yang diterima memiliki sidik jari yang berbeda dari yang ditampilkan. PDF tersebut ditolak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="34"/>
        <source>A ceremony message from the other office was malformed.</source>
        <translation>Pesan upacara dari kantor lain rusak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="41"/>
        <source>The presented revision is not the revision this office agreed to.</source>
        <translation>Revisi yang ditampilkan bukan revisi yang disepakati kantor ini.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="44"/>
        <source>A PDF arrived that changes what was presented or signed. It was refused.</source>
        <translation>PDF yang diterima mengubah isi yang telah ditampilkan atau ditandatangani. PDF tersebut ditolak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="48"/>
        <source>A signed PDF arrived whose signatures do not verify. It was refused.</source>
        <translation>PDF bertanda tangan yang diterima tidak lolos verifikasi tanda tangan. PDF tersebut ditolak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="56"/>
        <source>The signing certificate cannot be used.</source>
        <translation>Sertifikat tanda tangan tidak dapat digunakan.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="57"/>
        <source>It is not this office&apos;s turn to sign.</source>
        <translation>Belum giliran kantor ini untuk menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="60"/>
        <source>No revision has been presented yet.</source>
        <translation>Belum ada revisi yang diajukan.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="61"/>
        <source>Signing failed. Nothing was signed.</source>
        <translation>Penandatanganan gagal. Tidak ada yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="62"/>
        <source>The ceremony files on this computer cannot be read or written.</source>
        <translation>Berkas upacara di komputer ini tidak dapat dibaca atau ditulis.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="65"/>
        <source>An unexpected error stopped this ceremony step.</source>
        <translation>Kesalahan tak terduga menghentikan langkah upacara ini.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="79"/>
        <source>A ceremony step was refused.</source>
        <translation>Satu langkah upacara ditolak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="318"/>
        <source>The revision cannot be presented: {error}</source>
        <translation>Revisi tidak dapat ditampilkan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="371"/>
        <source>Save signed PDF</source>
        <translation>Simpan PDF bertanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="373"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/panel.py" line="381"/>
        <source>The file cannot be saved: {error}</source>
        <translation>Berkas tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="78"/>
        <source>Every party has already signed.</source>
        <translation>Semua pihak sudah menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="79"/>
        <source>It is {office}&apos;s turn to sign.</source>
        <translation>Sekarang giliran {office} untuk menandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>The presented PDF is not the document this office agreed to. It was refused; ask the host to present the agreed revision again.</source>
        <translation>PDF yang ditampilkan bukan dokumen yang disepakati kantor ini. PDF itu ditolak; mintalah tuan rumah menampilkan kembali revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>The presented list of signatories does not match the parties this office agreed to (signatory {position}). It was refused.</source>
        <translation>Daftar penanda tangan yang ditampilkan tidak sesuai dengan para pihak yang disepakati kantor ini (penanda tangan ke-{position}). Daftar itu ditolak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>This office has not agreed to any revision of this agreement.</source>
        <translation>Kantor ini belum menyepakati revisi mana pun dari kesepakatan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>Its text differs in Pasal {pasal}.</source>
        <translation>Teksnya berbeda pada Pasal {pasal}.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>Its text differs on page {page}.</source>
        <translation>Teksnya berbeda pada halaman {page}.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>It has a different number of pages.</source>
        <translation>Jumlah halamannya berbeda.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>Page {page} looks different.</source>
        <translation>Halaman {page} tampak berbeda.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>It contains content that the agreed revision does not show.</source>
        <translation>Isinya memuat sesuatu yang tidak ada pada revisi yang disepakati.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>It cannot be read.</source>
        <translation>PDF itu tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="1"/>
        <source>The other office presented revisions faster than they can be checked; the latest was ignored. Ask the host to present the agreed revision once.</source>
        <translation>Kantor lain menampilkan revisi lebih cepat daripada yang dapat diperiksa; yang terakhir diabaikan. Mintalah tuan rumah menampilkan revisi yang disepakati satu kali saja.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="80"/>
        <source>Signed by both offices and verified.</source>
        <translation>Ditandatangani oleh kedua kantor dan terverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="82"/>
        <source>Signed by all {total} offices and verified.</source>
        <translation>Ditandatangani oleh seluruh {total} kantor dan terverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="86"/>
        <source>The signed original is in the Archive, ready to print.</source>
        <translation>Dokumen asli yang telah ditandatangani ada di Arsip, siap dicetak.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/texts.py" line="90"/>
        <source>The Archive was not opened because the agreement you are editing has unsaved changes; open it when you are done.</source>
        <translation>Arsip tidak dibuka karena kesepakatan yang sedang Anda sunting memiliki perubahan yang belum disimpan; bukalah setelah Anda selesai.</translation>
    </message>
</context>
<context>
    <name>InlineSign</name>
    <message>
        <location filename="../../ui/ceremony/inline_sign.py" line="35"/>
        <source>Signing certificate password</source>
        <translation>Kata sandi sertifikat tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/inline_sign.py" line="37"/>
        <source>Sign</source>
        <translation>Tanda tangani</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/inline_sign.py" line="44"/>
        <source>Add a handwritten signature…</source>
        <translation>Tambahkan tanda tangan basah…</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/inline_sign.py" line="66"/>
        <source>Signing password of {signer}</source>
        <translation>Kata sandi tanda tangan {signer}</translation>
    </message>
</context>
<context>
    <name>CeremonyWindow</name>
    <message>
        <location filename="../../ui/ceremony/launcher.py" line="46"/>
        <source>Lintas — signing ceremony</source>
        <translation>Lintas — upacara penandatanganan</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="44"/>
        <source>Sign the agreement</source>
        <extracomment>``sign(password, png)`` returns ``None`` on success or a message to show (dialog stays open).</extracomment>
        <translation>Tanda tangani kesepakatan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="48"/>
        <source>You sign as &lt;b&gt;{signer}&lt;/b&gt; the revision whose hash starts with &lt;tt&gt;{short}&lt;/tt&gt;. The password unlocks the signing certificate for this signature only.</source>
        <translation>Anda menandatangani sebagai &lt;b&gt;{signer}&lt;/b&gt; revisi dengan hash yang diawali &lt;tt&gt;{short}&lt;/tt&gt;. Kata sandi membuka sertifikat tanda tangan hanya untuk tanda tangan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="56"/>
        <source>Certificate password</source>
        <translation>Kata sandi sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="60"/>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="62"/>
        <source>Import PNG…</source>
        <translation>Impor PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="72"/>
        <source>Certificate password:</source>
        <translation>Kata sandi sertifikat:</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="73"/>
        <source>Handwritten signature (optional):</source>
        <translation>Tanda tangan basah (opsional):</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="80"/>
        <source>Leave it empty to sign with your name and title only.</source>
        <translation>Biarkan kosong untuk menandatangani hanya dengan nama dan jabatan Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="82"/>
        <source>Sign</source>
        <translation>Tanda tangani</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="85"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="105"/>
        <source>The file is not a usable PNG image (at most 2 MB).</source>
        <translation>Berkas bukan gambar PNG yang dapat digunakan (paling besar 2 MB).</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="113"/>
        <source>Signature image</source>
        <translation>Gambar tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="113"/>
        <source>PNG images (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="119"/>
        <source>The file cannot be read: {error}</source>
        <translation>Berkas tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/ceremony/sign_dialog.py" line="128"/>
        <source>Enter the password of the signing certificate.</source>
        <translation>Masukkan kata sandi sertifikat tanda tangan.</translation>
    </message>
</context>
</TS>
