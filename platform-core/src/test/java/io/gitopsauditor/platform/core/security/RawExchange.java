package io.gitopsauditor.platform.core.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 exchange over a plain socket, for what the JDK client will not send: any method,
 * any {@code Host} header, chunked bodies of a chosen size. The server is asked to close the
 * connection, so the answer ends where the stream ends.
 */
record RawExchange(int status, String head, String body) {

    static RawExchange send(int port, String requestHead, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before reading the whole body; its answer is still there to read.
            }
            return read(socket.getInputStream());
        }
    }

    /** A request with no body; {@code headers} are full lines without the final CRLF. */
    static RawExchange send(int port, String method, String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return send(port, head.toString(), new byte[0]);
    }

    /** A POST of a JSON object {@code {"name": "xxx…"}} of about {@code size} bytes, sent in 64 KiB chunks without a Content-Length. */
    static RawExchange chunkedPost(int port, String path, String authorization, int size) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        byte[] json = ("{\"name\":\"" + "x".repeat(Math.max(0, size - 12)) + "\"}").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int sent = 0; sent < json.length; ) {
            int chunk = Math.min(64 * 1024, json.length - sent);
            body.writeBytes((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            body.write(json, sent, chunk);
            body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            sent += chunk;
        }
        body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return send(port, head, body.toByteArray());
    }

    private static RawExchange read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            // A reset after the answer was written: keep what arrived.
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete HTTP answer: '" + text + "'");
        }
        String head = text.substring(0, end);
        String body = text.substring(end + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new RawExchange(Integer.parseInt(head.substring(9, 12)), head, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
