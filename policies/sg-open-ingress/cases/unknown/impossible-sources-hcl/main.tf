# Sources and ports AWS would refuse cannot be what they claim: each is unknown, never a pass.
resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "no address before the prefix"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["/0"]
  }

  ingress {
    description = "not an IPv4 address"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["300.0.0.0/8"]
  }

  ingress {
    description = "reversed range"
    from_port   = 6000
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "-1 is not a tcp port"
    from_port   = -1
    to_port     = -1
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
