<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>IdentityMessages</name>
    <message>
        <location filename="../../ui/signing/messages.py" line="38"/>
        <source>A password is required to protect the office signing key.</source>
        <translation>Kata sandi wajib diisi untuk melindungi kunci tanda tangan kantor.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="41"/>
        <source>The certificate needs the office name and the signer&apos;s name.</source>
        <translation>Sertifikat memerlukan nama kantor dan nama penanda tangan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="44"/>
        <source>The certificate must be valid for at least one day.</source>
        <translation>Sertifikat harus berlaku sedikitnya satu hari.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="47"/>
        <source>The identity {name} is empty.</source>
        <translation>Identitas {name} kosong.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="48"/>
        <source>The identity {name} is not a PKCS#12 (.p12/.pfx) file or it is damaged.</source>
        <translation>Identitas {name} bukan berkas PKCS#12 (.p12/.pfx) atau berkas itu rusak.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="52"/>
        <source>The identity {name} cannot be opened: {detail}</source>
        <translation>Identitas {name} tidak dapat dibuka: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="55"/>
        <source>The password does not open the identity {name}.</source>
        <translation>Kata sandi tidak dapat membuka identitas {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="58"/>
        <source>The identity {name} holds no private key.</source>
        <translation>Identitas {name} tidak berisi kunci privat.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="61"/>
        <source>The identity {name} holds no certificate.</source>
        <translation>Identitas {name} tidak berisi sertifikat.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="64"/>
        <source>The identity {name} holds an unsupported key type for signing.</source>
        <translation>Identitas {name} berisi jenis kunci yang tidak didukung untuk penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="67"/>
        <source>The private key in the identity {name} does not match its certificate.</source>
        <translation>Kunci privat dalam identitas {name} tidak cocok dengan sertifikatnya.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="71"/>
        <source>No signing identity at {path}.</source>
        <translation>Tidak ada identitas tanda tangan di {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="74"/>
        <source>Cannot read {path}: {detail}.</source>
        <translation>{path} tidak dapat dibaca: {detail}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="77"/>
        <source>The certificate of {subject} expired on {date}.</source>
        <translation>Sertifikat {subject} kedaluwarsa pada {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="80"/>
        <source>The certificate of {subject} is valid only from {date}.</source>
        <translation>Sertifikat {subject} baru berlaku mulai {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="83"/>
        <source>The certificate of {subject} is not meant for signing documents (its key usage allows neither digital signature nor non-repudiation).</source>
        <translation>Sertifikat {subject} tidak ditujukan untuk menandatangani dokumen (penggunaan kuncinya tidak mengizinkan tanda tangan digital maupun nirsangkal).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="88"/>
        <source>The imported identity must be protected by a password.</source>
        <translation>Identitas yang diimpor harus dilindungi kata sandi.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="91"/>
        <source>{name} is not an X.509 certificate (PEM or DER).</source>
        <translation>{name} bukan sertifikat X.509 (PEM atau DER).</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="59"/>
        <source>Signature pad</source>
        <translation>Bantalan tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="230"/>
        <source>Sign here with the mouse, a pen or a tablet</source>
        <translation>Tanda tangani di sini dengan tetikus, pena, atau tablet</translation>
    </message>
</context>
<context>
    <name>SignaturePadDialog</name>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="241"/>
        <source>Handwritten signature</source>
        <translation>Tanda tangan basah</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="244"/>
        <source>Draw the signature of &lt;b&gt;{signer}&lt;/b&gt;, or import a PNG image of it.</source>
        <translation>Gambar tanda tangan &lt;b&gt;{signer}&lt;/b&gt;, atau impor gambar PNG-nya.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="251"/>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="253"/>
        <source>Import PNG…</source>
        <translation>Impor PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="264"/>
        <source>Use this signature</source>
        <translation>Gunakan tanda tangan ini</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="266"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="292"/>
        <source>The file is not a usable PNG image (at most 2 MB).</source>
        <translation>Berkas bukan gambar PNG yang dapat dipakai (paling besar 2 MB).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="299"/>
        <source>Signature image</source>
        <translation>Gambar tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="299"/>
        <source>PNG images (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/signature_pad.py" line="306"/>
        <source>The file cannot be read: {error}</source>
        <translation>Berkas tidak dapat dibaca: {error}</translation>
    </message>
</context>
<context>
    <name>SignedDocumentDialog</name>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="46"/>
        <source>Signed agreement</source>
        <translation>Kesepakatan yang ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="64"/>
        <source>SHA-256 of this file: {sha}</source>
        <translation>SHA-256 berkas ini: {sha}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="72"/>
        <source>The PDF cannot be shown: it may be damaged.</source>
        <translation>PDF tidak dapat ditampilkan: mungkin rusak.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="73"/>
        <source>Signature details…</source>
        <translation>Rincian tanda tangan…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="75"/>
        <source>Print preview…</source>
        <translation>Pratinjau cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="77"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="79"/>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="81"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="106"/>
        <source>Verified: {count} valid signatures from trusted offices.</source>
        <translation>Terverifikasi: {count} tanda tangan sah dari instansi tepercaya.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="111"/>
        <source>This file cannot be verified: it is not a readable PDF.</source>
        <translation>Berkas ini tidak dapat diverifikasi: bukan PDF yang dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="114"/>
        <source>Not signed yet.</source>
        <translation>Belum ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="119"/>
        <source>Warning: {failed} of {count} signatures failed verification. Open the signature details before relying on this document.</source>
        <translation>Peringatan: {failed} dari {count} tanda tangan gagal diverifikasi. Buka rincian tanda tangan sebelum mengandalkan dokumen ini.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="134"/>
        <source>The PDF cannot be opened for printing.</source>
        <translation>PDF tidak dapat dibuka untuk dicetak.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="169"/>
        <source>{count} sheet(s) sent to the printer.</source>
        <translation>{count} lembar dikirim ke pencetak.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="182"/>
        <source>Saved a copy to {path}.</source>
        <translation>Salinan tersimpan di {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="188"/>
        <source>Save a copy</source>
        <translation>Simpan salinan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="188"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py" line="179"/>
        <source>The copy could not be saved: {error}</source>
        <translation>Salinan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py"/>
        <source>Printing is refused: only a document whose signatures all verify can be printed. Ask the sender for the signed original.</source>
        <translation>Pencetakan ditolak: hanya dokumen yang semua tanda tangannya terverifikasi yang dapat dicetak. Mintalah dokumen asli yang ditandatangani kepada pengirim.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/document_dialog.py"/>
        <source>Changed after signing: something was added to this file after it was signed, so the pages below may not show what was signed. Do not rely on it or print it; ask the sender for the signed original.</source>
        <translation>Diubah setelah ditandatangani: ada yang ditambahkan ke berkas ini setelah ditandatangani, sehingga halaman di bawah mungkin tidak menampilkan apa yang ditandatangani. Jangan mengandalkan atau mencetaknya; mintalah dokumen asli yang ditandatangani kepada pengirim.</translation>
    </message>
</context>
<context>
    <name>SignedPdfPrinter</name>
    <message>
        <location filename="../../ui/signing/print.py" line="231"/>
        <source>Print preview — {pages} pages</source>
        <translation>Pratinjau cetak — {pages} halaman</translation>
    </message>
</context>
<context>
    <name>SignedPdfView</name>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="58"/>
        <source>Fit width</source>
        <translation>Sesuaikan lebar</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="62"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="64"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="113"/>
        <source>The document cannot be shown: {error}</source>
        <translation>Dokumen tidak dapat ditampilkan: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="235"/>
        <source>Page {current} of {total}</source>
        <translation>Halaman {current} dari {total}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py" line="237"/>
        <source>No document</source>
        <translation>Tidak ada dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/signing/pdf_view.py"/>
        <source>The document cannot be shown: the file is damaged or not a PDF.</source>
        <translation>Dokumen tidak dapat ditampilkan: berkas rusak atau bukan PDF.</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="46"/>
        <source>Signature verification</source>
        <translation>Verifikasi tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="69"/>
        <source>Signature fields not signed yet: {fields}</source>
        <translation>Kolom tanda tangan yang belum ditandatangani: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="82"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="94"/>
        <source>Not verified: the file cannot be read ({error}).</source>
        <translation>Tidak terverifikasi: berkas tidak dapat dibaca ({error}).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="98"/>
        <source>Not verified: the document carries no signature.</source>
        <translation>Tidak terverifikasi: dokumen tidak memuat tanda tangan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="102"/>
        <source>All {count} signatures are valid: intact, from trusted offices and unchanged since signing.</source>
        <translation>Seluruh {count} tanda tangan sah: utuh, dari instansi tepercaya, dan tidak berubah sejak ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="105"/>
        <source>{failed} of {count} signatures failed verification.</source>
        <translation>{failed} dari {count} tanda tangan gagal diverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="112"/>
        <source>Valid: intact, trusted and unchanged since signing.</source>
        <translation>Sah: utuh, tepercaya, dan tidak berubah sejak ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="113"/>
        <source>Tampered: the signed content was changed after signing.</source>
        <translation>Dirusak: isi yang ditandatangani diubah setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="114"/>
        <source>Invalid: the signature itself does not verify.</source>
        <translation>Tidak sah: tanda tangan itu sendiri tidak dapat diverifikasi.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="116"/>
        <source>Modified after signing: pages or content were added or changed later.</source>
        <translation>Diubah setelah ditandatangani: halaman atau isi ditambahkan atau diubah kemudian.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="119"/>
        <source>Unknown signer: the certificate is not among the offices you trust.</source>
        <translation>Penanda tangan tidak dikenal: sertifikatnya tidak termasuk instansi yang Anda percayai.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="125"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="126"/>
        <source>Only validation data added</source>
        <translation>Hanya data validasi yang ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="127"/>
        <source>Only later signatures added</source>
        <translation>Hanya tanda tangan berikutnya yang ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="128"/>
        <source>Annotations added</source>
        <translation>Anotasi ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="129"/>
        <source>Content or pages added or changed</source>
        <translation>Isi atau halaman ditambahkan atau diubah</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="130"/>
        <location filename="../../ui/signing/verify_dialog.py" line="134"/>
        <source>Unknown</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="137"/>
        <source>from a time-stamp authority</source>
        <translation>dari otoritas stempel waktu</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="139"/>
        <source>as claimed by the signer</source>
        <translation>menurut penanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="145"/>
        <source>Signature {number}: {signer}</source>
        <translation>Tanda tangan {number}: {signer}</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="149"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="149"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="155"/>
        <source>Verdict:</source>
        <translation>Hasil:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="156"/>
        <source>Office:</source>
        <translation>Instansi:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="157"/>
        <source>Signing time:</source>
        <translation>Waktu penandatanganan:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="158"/>
        <source>Intact:</source>
        <translation>Utuh:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="159"/>
        <source>Trusted:</source>
        <translation>Tepercaya:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="160"/>
        <source>Changes after signing:</source>
        <translation>Perubahan setelah ditandatangani:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="166"/>
        <source>Certificate (SHA-256):</source>
        <translation>Sertifikat (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py" line="167"/>
        <source>Field:</source>
        <translation>Kolom:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Wrong signer: a trusted office signed a field that is not its own.</source>
        <translation>Penanda tangan salah: instansi tepercaya menandatangani kolom yang bukan miliknya.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>The office certificate you trust</source>
        <translation>Sertifikat instansi yang Anda percayai</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>A certificate authority you trust</source>
        <translation>Otoritas sertifikat yang Anda percayai</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Nobody you trust</source>
        <translation>Tidak ada pihak yang Anda percayai</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Not needed: remove the office's trust to revoke it</source>
        <translation>Tidak perlu: cabut kepercayaan pada instansi itu untuk membatalkannya</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Not checked (offline)</source>
        <translation>Tidak diperiksa (luring)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Checked online (OCSP)</source>
        <translation>Diperiksa secara daring (OCSP)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Checked with revocation data stored in the document at signing time</source>
        <translation>Diperiksa dengan data pencabutan yang disimpan di dalam dokumen saat penandatanganan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Checked with revocation data given to this check</source>
        <translation>Diperiksa dengan data pencabutan yang diberikan untuk pemeriksaan ini</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Checked against the revocation list (CRL)</source>
        <translation>Diperiksa terhadap daftar pencabutan (CRL)</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>The authority offers no revocation check</source>
        <translation>Otoritas tidak menyediakan pemeriksaan pencabutan</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Vouched for by:</source>
        <translation>Dijamin oleh:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Field of:</source>
        <translation>Kolom milik:</translation>
    </message>
    <message>
        <location filename="../../ui/signing/verify_dialog.py"/>
        <source>Revocation:</source>
        <translation>Pencabutan:</translation>
    </message>
    <message>
        <source>PAdES B-B: no time-stamp; valid only as long as the certificate is</source>
        <translation>PAdES B-B: tanpa penanda waktu; sah hanya selama sertifikatnya berlaku</translation>
    </message>
    <message>
        <source>PAdES B-T: time-stamped</source>
        <translation>PAdES B-T: berpenanda waktu</translation>
    </message>
    <message>
        <source>PAdES B-LT: time-stamped, with the validation data in the file</source>
        <translation>PAdES B-LT: berpenanda waktu, dengan data validasi di dalam berkas</translation>
    </message>
    <message>
        <source>PAdES B-LTA: time-stamped, validation data sealed by a document time-stamp</source>
        <translation>PAdES B-LTA: berpenanda waktu, data validasi dikunci dengan penanda waktu dokumen</translation>
    </message>
    <message>
        <source>Valid at the time of its time-stamp; the certificate has expired since.</source>
        <translation>Sah pada waktu penanda waktunya; sertifikatnya sudah berakhir sejak itu.</translation>
    </message>
    <message>
        <source>Long-term validity:</source>
        <translation>Keabsahan jangka panjang:</translation>
    </message>
</context>
<context>
    <name>VerifyMessages</name>
    <message>
        <location filename="../../ui/signing/messages.py" line="19"/>
        <source>The file is empty.</source>
        <translation>Berkas kosong.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="20"/>
        <source>The file is not a PDF.</source>
        <translation>Berkas bukan PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="21"/>
        <source>The PDF cannot be read; it may be incomplete or damaged ({detail}).</source>
        <translation>PDF tidak dapat dibaca; mungkin tidak lengkap atau rusak ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The file is larger than {limit_mb} MB, too large for an agreement.</source>
        <translation>Berkas lebih besar dari {limit_mb} MB, terlalu besar untuk sebuah kesepakatan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The file carries more than {limit} signatures; it was not checked.</source>
        <translation>Berkas memuat lebih dari {limit} tanda tangan; berkas tidak diperiksa.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The PDF cannot be read; it may be incomplete or damaged.</source>
        <translation>PDF tidak dapat dibaca; mungkin tidak lengkap atau rusak.</translation>
    </message>
</context>
<context>
    <name>SigningMessages</name>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>The signature image is not a readable PNG.</source>
        <translation>Gambar tanda tangan bukan PNG yang dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>The PDF to sign cannot be read.</source>
        <translation>PDF yang akan ditandatangani tidak dapat dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>The signature field {field} is already signed.</source>
        <translation>Kolom tanda tangan {field} sudah ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>The PDF has no signature field {field}.</source>
        <translation>PDF tidak memiliki kolom tanda tangan {field}.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>Signing the PDF failed.</source>
        <translation>Penandatanganan PDF gagal.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py" line="120"/>
        <source>The time-stamp server could not be reached or refused.</source>
        <translation>Server penanda waktu tidak dapat dihubungi atau menolak.</translation>
    </message>
    <message>
        <source>The signing certificate has been revoked by its issuer. Nothing was signed; ask the issuer for a new certificate.</source>
        <translation>Sertifikat penanda tangan telah dicabut oleh penerbitnya. Tidak ada yang ditandatangani; mintalah sertifikat baru kepada penerbit.</translation>
    </message>
</context>
<context>
    <name>TrustMessages</name>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The certificate is not one of the offices or certificate authorities you trust.</source>
        <translation>Sertifikat ini bukan milik instansi atau otoritas sertifikat yang Anda percayai.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The certificate had expired at the time it was checked for.</source>
        <translation>Sertifikat sudah kedaluwarsa pada waktu yang diperiksa.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The certificate was not yet valid at the time it was checked for.</source>
        <translation>Sertifikat belum berlaku pada waktu yang diperiksa.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The certificate is not meant for signing documents.</source>
        <translation>Sertifikat ini tidak ditujukan untuk menandatangani dokumen.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The certificate authority has revoked this certificate.</source>
        <translation>Otoritas sertifikat telah mencabut sertifikat ini.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>Whether the certificate was revoked could not be checked. Try again when online.</source>
        <translation>Status pencabutan sertifikat tidak dapat diperiksa. Coba lagi saat terhubung ke internet.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The chain of certificate authorities behind this certificate does not hold.</source>
        <translation>Rantai otoritas sertifikat di balik sertifikat ini tidak sah.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>This field belongs to another party than the office that signed it.</source>
        <translation>Kolom ini milik pihak lain, bukan milik instansi yang menandatanganinya.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>No party of this agreement is expected to sign this field.</source>
        <translation>Tidak ada pihak dalam kesepakatan ini yang seharusnya menandatangani kolom ini.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The same signing key already signed another party's field.</source>
        <translation>Kunci penandatanganan yang sama sudah menandatangani kolom pihak lain.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>A new form field was added after signing; it can cover the text.</source>
        <translation>Kolom formulir baru ditambahkan setelah penandatanganan; kolom itu dapat menutupi teks.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>A form field or signature was removed after signing.</source>
        <translation>Kolom formulir atau tanda tangan dihapus setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>An annotation or page was added after signing.</source>
        <translation>Anotasi atau halaman ditambahkan setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>An annotation was removed after signing.</source>
        <translation>Anotasi dihapus setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>A signature field was moved after signing.</source>
        <translation>Kolom tanda tangan dipindahkan setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>An unsigned signature field was painted over after signing.</source>
        <translation>Kolom tanda tangan yang belum ditandatangani ditimpa gambar setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>Several fields were signed in one step after signing.</source>
        <translation>Beberapa kolom ditandatangani sekaligus dalam satu langkah setelah penandatanganan.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>Data was appended after the end of the signed document.</source>
        <translation>Data ditambahkan setelah akhir dokumen yang ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/signing/messages.py"/>
        <source>The later updates of this document are too large to check.</source>
        <translation>Pembaruan berikutnya pada dokumen ini terlalu besar untuk diperiksa.</translation>
    </message>
</context>
<context>
    <name>ExchangeKeyPasswordDialog</name>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>Unlock the exchange key</source>
        <translation>Buka kunci pertukaran</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>Packages and office cards are signed with this office&apos;s exchange key, which is protected by a password. Enter it once; Lintas keeps the key unlocked until it is closed. This is not the mayor&apos;s signing password.</source>
        <translation>Paket dan kartu instansi ditandatangani dengan kunci pertukaran instansi ini, yang dilindungi kata sandi. Masukkan sekali; Lintas membiarkan kunci terbuka sampai aplikasi ditutup. Ini bukan kata sandi tanda tangan kepala daerah.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>Exchange key password</source>
        <translation>Kata sandi kunci pertukaran</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>Unlock</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_key_dialog.py"/>
        <source>That password does not open the exchange key. Check it and try again, or ask the colleague who set it in Settings.</source>
        <translation>Kata sandi itu tidak membuka kunci pertukaran. Periksa lalu coba lagi, atau tanyakan kepada rekan yang memasangnya di Pengaturan.</translation>
    </message>
</context>
<context>
    <name>ExchangeKeySection</name>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Exchange key</source>
        <translation>Kunci pertukaran</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Current password</source>
        <translation>Kata sandi saat ini</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Repeat the new password</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Set password</source>
        <translation>Pasang kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Remove password</source>
        <translation>Hapus kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Protection:</source>
        <translation>Perlindungan:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Current password:</source>
        <translation>Kata sandi saat ini:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>New password:</source>
        <translation>Kata sandi baru:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Repeat:</source>
        <translation>Ulangi:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Protected by a password. Lintas asks for it once each time it starts, before the first package or office card is signed.</source>
        <translation>Dilindungi kata sandi. Lintas memintanya sekali setiap kali dijalankan, sebelum paket atau kartu instansi pertama ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>No password. Anyone who can read this computer&apos;s data folder can sign packages as this office. The exchange key is not the mayor&apos;s signing certificate.</source>
        <translation>Tanpa kata sandi. Siapa pun yang dapat membaca folder data komputer ini dapat menandatangani paket atas nama instansi ini. Kunci pertukaran bukan sertifikat tanda tangan kepala daerah.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>Use at least {count} characters.</source>
        <translation>Gunakan sedikitnya {count} karakter.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>The two new passwords differ. Type them again.</source>
        <translation>Kedua kata sandi baru berbeda. Ketik ulang keduanya.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>The current password is wrong. Nothing was changed.</source>
        <translation>Kata sandi saat ini salah. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>The exchange key could not be saved. Nothing was changed.</source>
        <translation>Kunci pertukaran tidak dapat disimpan. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>The exchange key is now protected by a password.</source>
        <translation>Kunci pertukaran kini dilindungi kata sandi.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page/exchange_key_section.py"/>
        <source>The exchange key no longer has a password.</source>
        <translation>Kunci pertukaran tidak lagi memakai kata sandi.</translation>
    </message>
</context>
</TS>
