# Rules from a sensitive variable, written out by a dynamic block and by a for expression: both still open SSH.
variable "rules" {
  type      = list(object({ port = number, cidrs = list(string) }))
  sensitive = true
  default   = [{ port = 22, cidrs = ["0.0.0.0/0"] }]
}

resource "aws_security_group" "dynamic_rules" {
  name = "dynamic-rules"

  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_security_group" "for_rules" {
  name = "for-rules"
  ingress = [for rule in var.rules : {
    from_port        = rule.port
    to_port          = rule.port
    protocol         = "tcp"
    cidr_blocks      = rule.cidrs
    ipv6_cidr_blocks = []
    prefix_list_ids  = []
    security_groups  = []
    self             = false
    description      = ""
  }]
}
